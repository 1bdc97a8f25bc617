package dev.cairn.runtime.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** sRGB → CIELAB (D65) against the standard values of the sRGB primaries, white and greys. */
class SrgbTest {

  @Test
  void convertsPrimariesAndWhiteToTheirStandardLabValues() {
    assertLab(Srgb.toLab8(0, 0, 0), 0, 0, 0);
    assertLab(Srgb.toLab8(255, 255, 255), 100, 0, 0);
    assertLab(Srgb.toLab8(255, 0, 0), 53.24, 80.09, 67.20);
    assertLab(Srgb.toLab8(0, 255, 0), 87.73, -86.18, 83.18);
    assertLab(Srgb.toLab8(0, 0, 255), 32.30, 79.19, -107.86);
  }

  @Test
  void greysHaveNoChroma() {
    for (int v = 0; v <= 255; v += 17) {
      Lab grey = Srgb.toLab8(v, v, v);
      assertThat(grey.a()).as("a* of grey %d", v).isCloseTo(0, within(0.01));
      assertThat(grey.b()).as("b* of grey %d", v).isCloseTo(0, within(0.01));
    }
  }

  @Test
  void sixteenBitChannelsKeepTheirPrecision() {
    // 128.5 on the 8-bit scale exists only in a 16-bit image: its L* lies strictly between.
    double between = 128.5 / 255.0;
    Lab fine = Srgb.toLab(between, between, between);
    assertThat(fine.l())
        .isGreaterThan(Srgb.toLab8(128, 128, 128).l())
        .isLessThan(Srgb.toLab8(129, 129, 129).l());
  }

  private static void assertLab(Lab lab, double l, double a, double b) {
    assertThat(lab.l()).isCloseTo(l, within(0.05));
    assertThat(lab.a()).isCloseTo(a, within(0.05));
    assertThat(lab.b()).isCloseTo(b, within(0.05));
  }
}
