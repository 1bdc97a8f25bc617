package dev.cairn.runtime.colorsignature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one RETAKE rule, as a table: what the generation declares, loads and holds as standards, the
 * mode asked for, and the reason (or none). The sidecar's {@code /inspect} and {@link Inspector}
 * both answer from this rule, so these rows are the whole of it.
 */
class LoadedModesTest {

  private static final StdModel STD = standard("MID");

  static Stream<Arguments> table() {
    return Stream.of(
        row("no model serves", List.of(), Set.of(), Map.of(), "MID", "MODEL_NOT_FOUND"),
        row("declared, none loaded", List.of("MID"), Set.of(), Map.of(), "MID", "MODEL_NOT_FOUND"),
        row(
            "first missing variant named",
            List.of("MID", "LOW", "HIGH"),
            Set.of("MID"),
            Map.of("MID", STD),
            "MID",
            "MODEL_INCOMPLETE:LOW"),
        row(
            "loaded, but none is a standard",
            List.of("default"),
            Set.of("default"),
            Map.of(),
            "default",
            "MODEL_NOT_FOUND"),
        row(
            "mode loaded but not a standard",
            List.of("MID", "onnx"),
            Set.of("MID", "onnx"),
            Map.of("MID", STD),
            "onnx",
            "MODEL_INCOMPLETE:onnx"),
        row(
            "mode not declared",
            List.of("MID"),
            Set.of("MID"),
            Map.of("MID", STD),
            "HIGH",
            "MODEL_INCOMPLETE:HIGH"),
        row("complete", List.of("MID"), Set.of("MID"), Map.of("MID", STD), "MID", null),
        row(
            "no declared variants, standard loaded",
            List.of(),
            Set.of("MID"),
            Map.of("MID", STD),
            "MID",
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void decidesTheRetakeReason(
      String why,
      List<String> declared,
      Set<String> loaded,
      Map<String, StdModel> standards,
      String mode,
      String reason) {
    assertThat(new LoadedModes(declared, loaded, standards).retakeReason(mode).orElse(null))
        .isEqualTo(reason);
  }

  @Test
  void theInspectorAnswersByTheSameRule() {
    assertThat(Inspector.inspect(Map.of(), "MID", List.of(), null).reasons())
        .containsExactly("MODEL_NOT_FOUND");
    InspectionReport unknown = Inspector.inspect(Map.of("MID", STD), "HIGH", List.of(), null);
    assertThat(unknown.decision()).isEqualTo(Decision.RETAKE);
    assertThat(unknown.reasons()).containsExactly("MODEL_INCOMPLETE:HIGH");
  }

  @Test
  void noModelIsNotFoundWhateverTheMode() {
    assertThat(LoadedModes.none().retakeReason("MID")).contains("MODEL_NOT_FOUND");
    assertThat(LoadedModes.none().retakeReason("default")).contains("MODEL_NOT_FOUND");
  }

  private static Arguments row(
      String why,
      List<String> declared,
      Set<String> loaded,
      Map<String, StdModel> standards,
      String mode,
      String reason) {
    return Arguments.of(why, declared, loaded, standards, mode, reason);
  }

  private static StdModel standard(String mode) {
    return new StdModel(
        StdModel.ENGINE,
        StdModel.ENGINE_VERSION,
        mode,
        1,
        2.0,
        0.1,
        List.of(new StdModel.StdInk(List.of(50.0, 0.0, 0.0), 1.0, 0.5)),
        List.of(),
        new StdModel.Params(80, 10));
  }
}
