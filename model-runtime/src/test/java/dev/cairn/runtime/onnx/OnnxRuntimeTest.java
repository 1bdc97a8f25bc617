package dev.cairn.runtime.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.runtime.LoadedModel;
import dev.cairn.runtime.ModelArtifact;
import dev.cairn.runtime.ModelRuntimes;
import dev.cairn.runtime.RuntimeFailure;
import dev.cairn.runtime.RuntimeRequirement;
import dev.cairn.runtime.Tensor;
import dev.cairn.runtime.TensorRejected;
import dev.cairn.runtime.testing.OnnxModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxRuntimeTest {

  @TempDir Path dir;

  private final ModelRuntimes runtimes = ModelRuntimes.standard(new OnnxSettings(1, 1));

  @Test
  void computesXTimesWPlusB() throws Exception {
    float[][] w = {{1, 2}, {3, 4}, {5, 6}};
    try (OnnxModel model =
        load(OnnxModels.linear(w, new float[] {0.5f, -1}), RuntimeRequirement.NONE)) {
      assertThat(model.inputs())
          .singleElement()
          .satisfies(
              spec -> {
                assertThat(spec.name()).isEqualTo("x");
                assertThat(spec.datatype()).isEqualTo("FP32");
                assertThat(spec.shape()).containsExactly(-1, 3);
              });
      List<Tensor> out =
          model.infer(
              List.of(new Tensor("x", "FP32", new long[] {2, 3}, new float[] {1, 0, 0, 1, 1, 1})));
      assertThat(out)
          .singleElement()
          .satisfies(
              y -> {
                assertThat(y.name()).isEqualTo("y");
                assertThat(y.shape()).containsExactly(2, 2);
                assertThat((float[]) y.data()).containsExactly(1.5f, 1, 9.5f, 11);
              });
    }
  }

  @Test
  void rejectsWrongShapeDatatypeNameAndLength() throws Exception {
    try (OnnxModel model = load(OnnxModels.constant(3, 1, 7), RuntimeRequirement.NONE)) {
      assertRejected(
          model, new Tensor("x", "FP32", new long[] {1, 4}, new float[4]), "shape [1, 4]");
      assertRejected(
          model, new Tensor("x", "FP64", new long[] {1, 3}, new double[3]), "is FP32, not FP64");
      assertRejected(model, new Tensor("z", "FP32", new long[] {1, 3}, new float[3]), "no input z");
      assertRejected(model, new Tensor("x", "FP32", new long[] {1, 3}, new float[2]), "2 values");
    }
  }

  @Test
  void refusesIncompatibleRuntimesAndBrokenFiles() throws Exception {
    byte[] good = OnnxModels.constant(2, 1, 1);
    assertFailure(good, new RuntimeRequirement("tensorflow", null, null), "RUNTIME_INCOMPATIBLE");
    assertFailure(
        good, new RuntimeRequirement("onnxruntime", "99.0", null), "RUNTIME_INCOMPATIBLE");
    assertFailure(good, new RuntimeRequirement("onnx", "1.16", 99), "RUNTIME_INCOMPATIBLE");
    assertFailure(new byte[] {1, 2, 3, 4}, RuntimeRequirement.NONE, "MODEL_LOAD_FAILED:default");
    try (LoadedModel model = loadAny(good, new RuntimeRequirement("onnxruntime", "1.16.0", 13))) {
      assertThat(model.format()).isEqualTo("onnx");
    }
  }

  private OnnxModel load(byte[] onnx, RuntimeRequirement requirement) throws Exception {
    return (OnnxModel) loadAny(onnx, requirement);
  }

  private LoadedModel loadAny(byte[] onnx, RuntimeRequirement requirement) throws Exception {
    Path file = Files.write(Files.createTempFile(dir, "model", ".onnx"), onnx);
    return runtimes.load(
        "onnx", new ModelArtifact("default", "v1", Map.of("model.onnx", file), requirement));
  }

  private void assertFailure(byte[] onnx, RuntimeRequirement requirement, String code) {
    assertThatThrownBy(() -> loadAny(onnx, requirement).close())
        .isInstanceOfSatisfying(RuntimeFailure.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  private static void assertRejected(OnnxModel model, Tensor tensor, String message) {
    assertThatThrownBy(() -> model.infer(List.of(tensor)))
        .isInstanceOf(TensorRejected.class)
        .hasMessageContaining(message);
  }
}
