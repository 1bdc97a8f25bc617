package dev.cairn.registry.artifact;

import static dev.cairn.registry.testing.Problems.expectCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AuditQuery;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 2 (must-show 2): a reference whose source moved made a READY version FAILED for
 * ever. Now an unreachable source answers 503 {@code SOURCE_UNAVAILABLE} and the version stays
 * READY; a version FAILED on its bytes is READY again once they are back and a publisher's verify
 * passes, and both transitions are audited.
 */
class RecoverableIntegrityTest {

  private static Path roots;
  private static TestRegistry registry;
  private static CairnClient publisher;
  private static String project;

  @BeforeAll
  static void start() throws Exception {
    roots = Files.createTempDirectory("cairn-roots");
    registry = TestRegistry.start(Map.of("CAIRN_FILE_ROOTS", roots.toString()));
    publisher = registry.client(TestTokens.PUBLISHER);
    project = TestRegistry.uniqueProject("recover");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    publisher.models().create(project, ModelCreate.named("m"));
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void aMovedReferenceIsUnavailableNotFailed() throws Exception {
    byte[] bytes = "weights kept beside the registry".getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(roots.resolve("w-" + project + ".bin"), bytes);
    String ref =
        publisher
            .versions()
            .create(
                project,
                "m",
                VersionCreate.ofFormat("generic")
                    .withFiles(
                        List.of(
                            new FileDeclaration(
                                "w.bin",
                                Versions.sha256(bytes),
                                (long) bytes.length,
                                file.toUri().toString()))))
            .version();
    assertThat(publisher.versions().complete(project, "m", ref).state()).isEqualTo("READY");

    Path moved = Files.move(file, roots.resolve("moved.bin"));
    expectCode("SOURCE_UNAVAILABLE", () -> publisher.versions().verify(project, "m", ref));
    assertThat(publisher.versions().get(project, "m", ref).state()).isEqualTo("READY");

    Files.move(moved, file);
    assertThat(publisher.versions().verify(project, "m", ref).status()).isEqualTo("VERIFIED");
  }

  @Test
  void restoredBytesAndAPublishersVerifyMakeAFailedVersionReadyAgain() throws Exception {
    byte[] original = ("approved bytes " + project).getBytes(StandardCharsets.UTF_8);
    var version =
        Versions.ready(
            publisher, project, "m", "default", new String(original, StandardCharsets.UTF_8));
    String sha = Versions.sha256(original);
    Path blob = registry.dataDir().resolve("blobs/sha256/" + sha.substring(0, 2) + "/" + sha);

    Files.write(blob, ("swapped bytes " + project).getBytes(StandardCharsets.UTF_8));
    expectCode(
        "CHECKSUM_MISMATCH", () -> publisher.versions().verify(project, "m", version.version()));
    assertThat(publisher.versions().get(project, "m", version.version()).state())
        .isEqualTo("FAILED");

    Files.write(blob, original);
    assertThat(publisher.versions().verify(project, "m", version.version()).status())
        .isEqualTo("VERIFIED");
    var ready = publisher.versions().get(project, "m", version.version());
    assertThat(ready.state()).isEqualTo("READY");
    assertThat(ready.failure()).isNull();
    assertThat(
            registry
                .client(TestTokens.ADMIN)
                .audit()
                .list(project, new AuditQuery("m", null, null, null, null, 100, null))
                .items())
        .extracting(e -> e.action())
        .contains("VERSION_VERIFY_FAILED", "VERSION_RECOVERED");
  }
}
