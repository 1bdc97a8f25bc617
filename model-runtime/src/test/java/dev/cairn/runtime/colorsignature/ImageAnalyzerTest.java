package dev.cairn.runtime.colorsignature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cairn.runtime.color.Lab;
import dev.cairn.runtime.testing.InkImages;
import org.junit.jupiter.api.Test;

class ImageAnalyzerTest {

  @Test
  void separatesInkFromPaperAndPassesTheGates() {
    ImageAnalysis analysis = Prints.analyse(Prints.twoInks(1).png());
    assertThat((double) analysis.inkPixels() / analysis.pixels()).isCloseTo(0.3, within(0.01));
    assertThat(analysis.backgroundMedianL()).isCloseTo(95, within(0.5));
    assertThat(analysis.gateFailures()).isEmpty();
    assertThat(analysis.sampleSize()).isEqualTo(analysis.inkPixels());
  }

  @Test
  void blankPaperHasNoInk() {
    ImageAnalysis analysis = Prints.analyse(InkImages.sheet(100, 100).png());
    assertThat(analysis.gateFailures()).containsExactly("NO_INK");
  }

  @Test
  void fullBleedInkHasNoBackgroundAndCountsAsUnderexposed() {
    ImageAnalysis analysis =
        Prints.analyse(InkImages.sheet(100, 100).ink(Prints.RED, 1).inkArea(1).png());
    assertThat(analysis.gateFailures()).containsExactly("NO_BACKGROUND", "UNDEREXPOSED");
  }

  @Test
  void clippedPaperIsOverexposed() {
    ImageAnalysis analysis =
        Prints.analyse(Prints.twoInks(1).paper(new Lab(100, 0, 0)).noise(2).png());
    assertThat(analysis.gateFailures()).containsExactly("OVEREXPOSED");
  }

  @Test
  void greyPaperIsUnderexposed() {
    ImageAnalysis analysis = Prints.analyse(Prints.twoInks(1).paper(new Lab(55, 0, 0)).png());
    assertThat(analysis.gateFailures()).contains("NO_BACKGROUND", "UNDEREXPOSED");
  }

  @Test
  void subsamplesLargeInkAreasWithAFixedStride() {
    ImageAnalysis analysis =
        Prints.analyse(InkImages.sheet(600, 500).ink(Prints.BLUE, 1).inkArea(0.5).png());
    assertThat(analysis.inkPixels()).isGreaterThan(ImageAnalysis.MAX_SAMPLE);
    assertThat(analysis.sampleSize()).isLessThanOrEqualTo(ImageAnalysis.MAX_SAMPLE);
    assertThat(analysis.sampleSize()).isGreaterThan(ImageAnalysis.MAX_SAMPLE / 2);
  }

  @Test
  void sixteenBitImagesKeepTheirPrecision() {
    Lab between = new Lab(50.1234, 20.0, -10.0);
    InkImages print = InkImages.sheet(60, 60).ink(between, 1).noise(0);
    double eight = Signatures.of(Prints.analyse(print.png()), 1).get(0).lab().l();
    double sixteen = Signatures.of(Prints.analyse(print.sixteenBit().png()), 1).get(0).lab().l();
    assertThat(Math.abs(sixteen - between.l())).isLessThan(0.005);
    assertThat(Math.abs(sixteen - between.l())).isLessThan(Math.abs(eight - between.l()));
  }
}
