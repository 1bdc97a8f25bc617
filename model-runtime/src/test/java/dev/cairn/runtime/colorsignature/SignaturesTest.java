package dev.cairn.runtime.colorsignature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cairn.runtime.color.Ciede2000;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignaturesTest {

  @Test
  void recoversThePrintedInksDarkestFirst() {
    List<Ink> inks = Signatures.of(Prints.analyse(Prints.twoInks(3).png()), 2);
    assertThat(inks).hasSize(2);
    assertThat(Ciede2000.difference(inks.get(0).lab(), Prints.BLUE)).isLessThan(0.5);
    assertThat(Ciede2000.difference(inks.get(1).lab(), Prints.RED)).isLessThan(0.5);
    assertThat(inks.get(0).share()).isCloseTo(0.4, within(0.02));
    assertThat(inks.get(1).share()).isCloseTo(0.6, within(0.02));
  }

  @Test
  void jpegAndBmpGiveTheSameInksAsPng() {
    List<Ink> png = Signatures.of(Prints.analyse(Prints.twoInks(3).png()), 2);
    List<Ink> bmp = Signatures.of(Prints.analyse(Prints.twoInks(3).bmp()), 2);
    List<Ink> jpeg = Signatures.of(Prints.analyse(Prints.twoInks(3).jpeg()), 2);
    assertThat(bmp).isEqualTo(png);
    for (int i = 0; i < 2; i++) {
      assertThat(Ciede2000.difference(jpeg.get(i).lab(), png.get(i).lab())).isLessThan(2.0);
    }
  }

  @Test
  void sameImageGivesBitIdenticalInks() {
    byte[] image = Prints.twoInks(9).png();
    assertThat(Signatures.of(Prints.analyse(image), 3))
        .isEqualTo(Signatures.of(Prints.analyse(image), 3));
  }

  @Test
  void matchingFindsTheCheapestPairingAndLeavesExtraReferenceInksUnmatched() {
    Ink blue = new Ink(Prints.BLUE, 0.4);
    Ink red = new Ink(Prints.RED, 0.6);
    assertThat(InkMatching.match(List.of(blue, red), List.of(red, blue))).containsExactly(1, 0);
    assertThat(InkMatching.match(List.of(blue, red), List.of(red))).containsExactly(-1, 0);
  }
}
