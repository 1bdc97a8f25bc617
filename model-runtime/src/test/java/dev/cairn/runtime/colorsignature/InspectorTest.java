package dev.cairn.runtime.colorsignature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.runtime.color.Ciede2000;
import dev.cairn.runtime.color.Lab;
import dev.cairn.runtime.testing.InkImages;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InspectorTest {

  /** The red ink moved by about 4 ΔE00: inside LOW's 6.0, outside MID's 3.5 and HIGH's 2.0. */
  static final Lab SHIFTED_RED = new Lab(Prints.RED.l() + 4.2, Prints.RED.a(), Prints.RED.b());

  static Map<String, StdModel> standards;

  @BeforeAll
  static void registerAllThreeModes() {
    standards = new LinkedHashMap<>();
    for (String mode : List.of("LOW", "MID", "HIGH")) {
      StdRegistrationResult result =
          StdRegistrationTest.register(mode, StdRegistrationTest.images(1, 2, 3), 2);
      assertThat(result.code()).isEqualTo("STD_ACCEPTABLE");
      standards.put(mode, result.model().orElseThrow());
    }
  }

  @Test
  void aGoodSampleIsOkInEveryMode() {
    InspectionReport report = inspect("HIGH", image("good", Prints.twoInks(42).png()));
    assertThat(report.decision()).isEqualTo(Decision.OK);
    assertThat(report.results()).containsOnlyKeys("LOW", "MID", "HIGH");
    assertThat(report.results().values()).allMatch(result -> result.decision() == Decision.OK);
    assertThat(report.results().get("HIGH").inks()).hasSize(2);
  }

  @Test
  void aShiftedInkIsOkInLowButNgInHigh() {
    assertThat(Ciede2000.difference(SHIFTED_RED, Prints.RED)).isBetween(3.6, 4.4);
    byte[] shifted =
        InkImages.sheet(240, 180).ink(Prints.BLUE, 0.4).ink(SHIFTED_RED, 0.6).seed(7).png();
    InspectionReport high = inspect("HIGH", image("shifted", shifted));
    assertThat(high.decision()).isEqualTo(Decision.NG);
    assertThat(high.reasons()).containsExactly("INK_COLOR_DEVIATION:1");
    assertThat(high.results().get("LOW").decision()).isEqualTo(Decision.OK);
    assertThat(high.results().get("MID").decision()).isEqualTo(Decision.NG);
    assertThat(high.results().get("HIGH").inks().get(1).de00()).isBetween(3.0, 5.0);
    assertThat(inspect("LOW", image("shifted", shifted)).decision()).isEqualTo(Decision.OK);
  }

  @Test
  void aCoverageChangeIsNg() {
    byte[] moreBlue =
        InkImages.sheet(240, 180).ink(Prints.BLUE, 0.6).ink(Prints.RED, 0.4).seed(8).png();
    InspectionReport report = inspect("LOW", image("coverage", moreBlue));
    assertThat(report.decision()).isEqualTo(Decision.NG);
    assertThat(report.reasons())
        .containsExactly("INK_COVERAGE_DEVIATION:0", "INK_COVERAGE_DEVIATION:1");
  }

  @Test
  void anOverexposedSampleIsRetake() {
    byte[] bright = Prints.twoInks(5).paper(new Lab(100, 0, 0)).noise(2).png();
    InspectionReport report = inspect("MID", image("bright", bright));
    assertThat(report.decision()).isEqualTo(Decision.RETAKE);
    assertThat(report.reasons()).containsExactly("OVEREXPOSED");
  }

  @Test
  void severalImagesAnswerWithTheWorst() {
    byte[] shifted =
        InkImages.sheet(240, 180).ink(Prints.BLUE, 0.4).ink(SHIFTED_RED, 0.6).seed(7).png();
    InspectionReport report =
        Inspector.inspect(
            standards,
            "HIGH",
            List.of(image("good", Prints.twoInks(42).png()), image("shifted", shifted)),
            null);
    assertThat(report.decision()).isEqualTo(Decision.NG);
    assertThat(report.images())
        .extracting(InspectionReport.ImageReport::decision)
        .containsExactly(Decision.OK, Decision.NG);
    assertThat(report.results().get("HIGH").decision()).isEqualTo(Decision.NG);
  }

  @Test
  void withoutAModelEveryAnswerIsRetake() {
    InspectionReport none =
        Inspector.inspect(Map.of(), "LOW", List.of(image("good", Prints.twoInks(1).png())), null);
    assertThat(none.decision()).isEqualTo(Decision.RETAKE);
    assertThat(none.reasons()).containsExactly("MODEL_NOT_FOUND");
    InspectionReport missing =
        Inspector.inspect(
            Map.of("LOW", standards.get("LOW")),
            "HIGH",
            List.of(image("good", Prints.twoInks(1).png())),
            null);
    assertThat(missing.reasons()).containsExactly("MODEL_INCOMPLETE:HIGH");
  }

  private static InspectionReport inspect(String mode, Inspector.NamedImage image) {
    return Inspector.inspect(standards, mode, List.of(image), null);
  }

  private static Inspector.NamedImage image(String name, byte[] png) {
    return new Inspector.NamedImage(name, ImageDecoder.decode(new ByteArrayInputStream(png), name));
  }
}
