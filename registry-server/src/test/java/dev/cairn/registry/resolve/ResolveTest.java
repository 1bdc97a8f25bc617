package dev.cairn.registry.resolve;

import static dev.cairn.registry.testing.Problems.expectCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Resolved;
import dev.cairn.registry.RegistryServer;
import dev.cairn.registry.blob.FileBlobStore;
import dev.cairn.registry.testing.SecondReplica;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Resolve: references, variants, ETag/304, read-your-writes and cross-replica invalidation. */
class ResolveTest {

  private static TestRegistry replicaA;
  private static RegistryServer replicaB;

  private CairnClient publisher;
  private CairnClient approver;
  private String project;

  @BeforeAll
  static void start() {
    replicaA = TestRegistry.start(Map.of());
    replicaB = SecondReplica.of(replicaA);
  }

  @AfterAll
  static void stop() {
    replicaB.close();
    replicaA.close();
  }

  @BeforeEach
  void publish() {
    publisher = replicaA.client(TestTokens.PUBLISHER);
    approver = replicaA.client(TestTokens.APPROVER);
    project = TestRegistry.uniqueProject("resolve");
    replicaA.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    publisher
        .models()
        .create(project, ModelCreate.named("ink").withVariants(List.of("LOW", "HIGH"), "HIGH"));
    Versions.ready(publisher, project, "ink", "LOW", "low one " + project);
    Versions.ready(publisher, project, "ink", "HIGH", "high one " + project);
    Versions.ready(publisher, project, "ink", "HIGH", "high two " + project);
    approver
        .aliases()
        .put(
            project,
            "ink",
            "production",
            AliasUpdate.pointers(Map.of("LOW", "v1", "HIGH", "v2"), "go"),
            null,
            null);
  }

  @Test
  void resolvesAliasesVersionsAndTheDefaultReference() {
    CairnClient reader = replicaA.client(TestTokens.READER);

    Resolved byDefault = reader.resolve(project, "ink", null, false);
    Resolved low = reader.resolve(project, "ink@production", "LOW", false);
    Resolved pinned = reader.resolve(project, "ink:v3", null, false);

    assertThat(byDefault.alias()).isEqualTo("production");
    assertThat(byDefault.variant()).isEqualTo("HIGH");
    assertThat(byDefault.version().version()).isEqualTo("v2");
    assertThat(byDefault.generation()).isEqualTo(1);
    assertThat(byDefault.manifest().files())
        .singleElement()
        .satisfies(f -> assertThat(f.downloadUrl()).endsWith("/versions/v2/files/model.bin"));
    assertThat(low.version().version()).isEqualTo("v1");
    assertThat(pinned.version().version()).isEqualTo("v3");
    assertThat(pinned.generation()).isNull();
    expectCode("ALIAS_NOT_FOUND", () -> reader.resolve(project, "ink@canary", null, false));
    expectCode("VARIANT_MISMATCH:ULTRA", () -> reader.resolve(project, "ink", "ULTRA", false));
    expectCode("BAD_REQUEST", () -> reader.resolve(project, "ink@a:b", null, false));
  }

  @Test
  void answers304WhileUnchangedAndTheNewVersionRightAfterAPut() {
    var http = replicaA.http();
    String url = "/api/v1/projects/" + project + "/resolve?ref=ink@production";
    String etag = http.get(url, TestTokens.READER).headers().firstValue("ETag").orElseThrow();
    assertThat(
            http.send("GET", url, TestTokens.READER, null, Map.of("If-None-Match", etag))
                .statusCode())
        .isEqualTo(304);

    approver
        .aliases()
        .put(
            project,
            "ink",
            "production",
            AliasUpdate.pointers(Map.of("HIGH", "v3"), "upgrade"),
            null,
            null);

    var after = http.send("GET", url, TestTokens.READER, null, Map.of("If-None-Match", etag));
    assertThat(after.statusCode()).as("read-your-writes on the same replica").isEqualTo(200);
    assertThat(after.body()).contains("\"version\":\"v3\"");
  }

  @Test
  void theOtherReplicaAnswersTheNewVersionWithinTheNotifyDelay() {
    CairnClient onB = CairnClient.create(replicaB.uri(), TestTokens.READER);
    assertThat(onB.resolve(project, "ink", null, false).version().version()).isEqualTo("v2");

    approver
        .aliases()
        .put(
            project,
            "ink",
            "production",
            AliasUpdate.pointers(Map.of("HIGH", "v3"), "upgrade"),
            null,
            null);

    await()
        .atMost(Duration.ofSeconds(3))
        .pollInterval(Duration.ofMillis(20))
        .untilAsserted(
            () ->
                assertThat(onB.resolve(project, "ink", null, false).version().version())
                    .isEqualTo("v3"));
  }

  @Test
  void verifyTrueRefusesTamperedBytes() throws Exception {
    CairnClient reader = replicaA.client(TestTokens.READER);
    Resolved ok = reader.resolve(project, "ink", null, true);
    String sha = ok.manifest().files().get(0).sha256();

    Files.writeString(FileBlobStore.open(replicaA.dataDir().resolve("blobs")).path(sha), "swapped");

    expectCode("CHECKSUM_MISMATCH", () -> publisher.resolve(project, "ink", null, true));
    expectCode("VERSION_NOT_READY:HIGH", () -> reader.resolve(project, "ink", null, false));
  }
}
