package dev.cairn.runtime.colorsignature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.runtime.ModelArtifact;
import dev.cairn.runtime.ModelRuntimes;
import dev.cairn.runtime.RuntimeFailure;
import dev.cairn.runtime.RuntimeRequirement;
import dev.cairn.runtime.onnx.OnnxSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColorSignatureRuntimeTest {

  @TempDir Path dir;
  private final ModelRuntimes runtimes = ModelRuntimes.standard(OnnxSettings.DEFAULTS);
  private final StdModel standard =
      StdRegistrationTest.register("MID", StdRegistrationTest.images(1, 2, 3), 2)
          .model()
          .orElseThrow();

  @Test
  void loadsTheStandardOfItsVariant() throws Exception {
    ColorSignatureModel model = (ColorSignatureModel) load("MID", StdModelJson.write(standard));
    assertThat(model.standard()).isEqualTo(standard);
  }

  @Test
  void aStandardUnderAnotherModeOrANewerEngineIsAConfigMismatch() throws Exception {
    assertCode("HIGH", StdModelJson.write(standard), "CFG_MISMATCH:HIGH");
    String newer =
        new String(StdModelJson.write(standard), StandardCharsets.UTF_8)
            .replace("\"engine_version\":1", "\"engine_version\":2");
    assertCode("MID", newer.getBytes(StandardCharsets.UTF_8), "CFG_MISMATCH:MID");
  }

  @Test
  void anUnreadableStandardFailsToLoad() throws Exception {
    assertCode("MID", "{not json".getBytes(StandardCharsets.UTF_8), "MODEL_LOAD_FAILED:MID");
  }

  private Object load(String variant, byte[] json) throws Exception {
    Path file = Files.write(dir.resolve(variant + ".json"), json);
    return runtimes.load(
        "color-signature",
        new ModelArtifact(variant, "v1", Map.of("signature.json", file), RuntimeRequirement.NONE));
  }

  private void assertCode(String variant, byte[] json, String code) {
    assertThatThrownBy(() -> load(variant, json))
        .isInstanceOfSatisfying(RuntimeFailure.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
