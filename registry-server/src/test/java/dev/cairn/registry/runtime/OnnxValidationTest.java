package dev.cairn.registry.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.RuntimeRequirement;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.client.model.VersionQuery;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.runtime.testing.OnnxModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ONNX versions are validated by loading them in ONNX Runtime, as a sidecar would. */
class OnnxValidationTest {

  private final TestRegistry registry = TestRegistry.shared();
  private CairnClient publisher;
  private String project;
  @TempDir Path dir;

  @BeforeEach
  void createModel() {
    publisher = registry.client(TestTokens.PUBLISHER);
    project = TestRegistry.uniqueProject("onnx");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    publisher.models().create(project, ModelCreate.named("scorer"));
  }

  @Test
  void aModelThatLoadsIsReadyWithLoadPassed() throws Exception {
    Version ready =
        publish("v1", OnnxModels.constant(3, 1, 1), new RuntimeRequirement("onnxruntime", "1.16"));
    assertThat(ready.state()).isEqualTo("READY");
    assertThat(ready.validation().load()).isEqualTo("PASSED");
    assertThat(publisher.versions().validate(project, "scorer", "v1").load()).isEqualTo("PASSED");
  }

  @Test
  void bytesOnnxRuntimeCannotLoadAreRefusedAndNothingIsKept() throws Exception {
    assertThatThrownBy(() -> publish("v1", new byte[] {8, 1, 2, 3}, null))
        .isInstanceOfSatisfying(
            CairnApiException.class, e -> assertThat(e.code()).isEqualTo("VALIDATION_FAILED"));
    assertThat(publisher.versions().list(project, "scorer", VersionQuery.all()).items()).isEmpty();
  }

  @Test
  void aRuntimeNewerThanOursLeavesAFailedVersionWithTheCode() throws Exception {
    byte[] onnx = OnnxModels.constant(3, 1, 1);
    Path file = Files.write(dir.resolve("v2.onnx"), onnx);
    VersionCreate declaration =
        new VersionCreate(
            "v2",
            null,
            "onnx",
            new RuntimeRequirement("onnxruntime", "99.0"),
            null,
            null,
            List.of(new FileDeclaration("model.onnx", sha256(onnx), (long) onnx.length, null)),
            null,
            null,
            null);
    publisher.versions().create(project, "scorer", declaration);
    publisher.versions().upload(project, "scorer", "v2", "model.onnx", file, sha256(onnx));
    Version failed = publisher.versions().complete(project, "scorer", "v2");
    assertThat(failed.state()).isEqualTo("FAILED");
    assertThat(failed.failure().code()).isEqualTo("RUNTIME_INCOMPATIBLE");
    assertThat(failed.validation().load()).isEqualTo("RUNTIME_INCOMPATIBLE");
    // Issue 25, item 20: the detail names the need and the runtime the registry has.
    assertThat(failed.failure().detail())
        .contains("onnxruntime 99.0 or newer")
        .containsPattern("this registry runs onnx runtime [0-9]+\\.[0-9]+");
  }

  @Test
  void aOneShotPublishForANewerRuntimeAnswersRuntimeIncompatible() {
    // Issue 13, finding 9: the code was VALIDATION_FAILED, the runtimes only in the message.
    assertThatThrownBy(
            () ->
                publish(
                    "v3",
                    OnnxModels.constant(3, 1, 1),
                    new RuntimeRequirement("onnxruntime", "99.0")))
        .isInstanceOfSatisfying(
            CairnApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.code()).isEqualTo("RUNTIME_INCOMPATIBLE");
              assertThat(e.getMessage())
                  .contains("99.0")
                  .containsPattern("this registry runs onnx runtime [0-9]+\\.[0-9]+");
            });
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private Version publish(String name, byte[] onnx, RuntimeRequirement runtime) throws Exception {
    Path file = Files.write(dir.resolve(name + ".onnx"), onnx);
    return publisher
        .versions()
        .publish(
            project,
            "scorer",
            new VersionCreate(name, null, "onnx", runtime, null, null, null, null, null, null),
            Map.of("model.onnx", file));
  }
}
