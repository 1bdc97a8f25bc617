package dev.cairn.initializer;

import static dev.cairn.initializer.InitializerRuns.assertInstalled;
import static dev.cairn.initializer.InitializerRuns.registry;
import static dev.cairn.initializer.PublishedVersions.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionPatch;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The KServe-shaped init run (issue 29 item 4): the packaged initializer as a process against a
 * live registry installs by alias, version, digest and variant and says what it installed. Its
 * refusals are in {@link StorageInitializerRefusalIT}, resumed runs in {@link
 * StorageInitializerResumeIT}.
 */
class StorageInitializerIT {

  private static final String PROJECT = TestRegistry.uniqueProject("kserve");
  private static final Map<String, byte[]> LOW = InitializerRuns.files(PROJECT, "low");
  private static final Map<String, byte[]> HIGH = InitializerRuns.files(PROJECT, "high");
  private static Version v1;
  private static Version v2;

  private InitializerRuns runs;

  @BeforeAll
  static void publish() throws Exception {
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(PROJECT));
    CairnClient publisher = registry.client(TestTokens.PUBLISHER);
    publisher
        .models()
        .create(PROJECT, ModelCreate.named("ink").withVariants(List.of("LOW", "HIGH"), "HIGH"));
    v1 = PublishedVersions.ready(publisher, PROJECT, "ink", "LOW", LOW);
    v2 = PublishedVersions.ready(publisher, PROJECT, "ink", "HIGH", HIGH);
    registry
        .client(TestTokens.APPROVER)
        .aliases()
        .put(
            PROJECT,
            "ink",
            "production",
            AliasUpdate.pointers(Map.of("LOW", v1.version(), "HIGH", v2.version()), "serve"),
            null,
            null);
  }

  @BeforeEach
  void runs(TestInfo test) throws Exception {
    runs = InitializerRuns.of(PROJECT, test);
  }

  @Test
  void installsTheAliasAndSaysWhatItInstalled() throws Exception {
    Path dest = runs.work.resolve("mnt/models");

    InitializerProcess.Result run =
        runs.initializer.run(runs.env, runs.uri("ink@production"), dest.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertInstalled(dest, HIGH);
    JsonNode resolution =
        new ObjectMapper().readTree(dest.resolve(".cairn/resolution.json").toFile());
    assertThat(resolution.get("ref").asText()).isEqualTo(runs.uri("ink@production"));
    assertThat(resolution.get("alias").asText()).isEqualTo("production");
    assertThat(resolution.get("version").asText()).isEqualTo(v2.version());
    assertThat(resolution.get("digest").asText()).isEqualTo(v2.digest());
    assertThat(resolution.get("signer").isNull()).isTrue();
    assertThat(Instant.parse(resolution.get("installed_at").asText()))
        .isAfterOrEqualTo(Instant.parse(resolution.get("resolved_at").asText()));
    assertThat(resolution.get("files"))
        .extracting(f -> f.get("path").asText() + "=" + f.get("sha256").asText())
        .containsExactlyInAnyOrder(
            "config.json=" + sha256(HIGH.get("config.json")),
            "model/weights.bin=" + sha256(HIGH.get("model/weights.bin")));
    assertThat(dest.resolve(Installer.TMP)).doesNotExist();
    assertThat(run.out()).contains("2 fetched, 0 already verified");
  }

  @Test
  void installsByVersionByDigestAndByVariantInOneKServeInvocation() throws Exception {
    Path byVersion = runs.work.resolve("by-version");
    Path byDigest = runs.work.resolve("by-digest");
    Path byVariant = runs.work.resolve("by-variant");
    Path byHost = runs.work.resolve("by-host");

    InitializerProcess.Result run =
        runs.initializer.run(
            runs.env,
            runs.uri("ink:" + v1.version()),
            byVersion.toString(),
            runs.uri("ink@" + v2.digest()),
            byDigest.toString(),
            runs.uri("ink@production?variant=LOW"),
            byVariant.toString(),
            "cairn://127.0.0.1:" + registry.uri().getPort() + "/" + PROJECT + "/ink@production",
            byHost.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertInstalled(byVersion, LOW);
    assertInstalled(byDigest, HIGH);
    assertInstalled(byVariant, LOW);
    assertInstalled(byHost, HIGH);
    assertThat(run.out().lines()).hasSize(4);
  }

  /**
   * Review 12 item 17: an archived version is still served by {@code :version} (and the OCI API),
   * so its digest finds it too; the same pinned bytes are not "not found" by digest.
   */
  @Test
  void installsAnArchivedVersionByDigestAsByVersion() throws Exception {
    Map<String, byte[]> files = runs.files("archived");
    Version v = runs.publishAlone("archived", files);
    registry
        .client(TestTokens.PUBLISHER)
        .versions()
        .patch(PROJECT, "archived", v.version(), new VersionPatch(null, null, null, "ARCHIVED"));
    Path byDigest = runs.work.resolve("by-digest");
    Path byVersion = runs.work.resolve("by-version");

    InitializerProcess.Result run =
        runs.initializer.run(
            runs.env,
            runs.uri("archived@" + v.digest()),
            byDigest.toString(),
            runs.uri("archived:" + v.version()),
            byVersion.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertInstalled(byDigest, files);
    assertInstalled(byVersion, files);
    JsonNode resolution =
        new ObjectMapper().readTree(byDigest.resolve(".cairn/resolution.json").toFile());
    assertThat(resolution.get("version").asText()).isEqualTo(v.version());
    assertThat(resolution.get("digest").asText()).isEqualTo(v.digest());
  }
}
