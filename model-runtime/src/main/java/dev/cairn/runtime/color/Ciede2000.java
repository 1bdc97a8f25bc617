package dev.cairn.runtime.color;

/**
 * The CIEDE2000 colour difference ΔE00 with kL = kC = kH = 1 (spec 60-inspection-engine), written
 * as in Sharma, Wu and Dalal, "The CIEDE2000 Color-Difference Formula: Implementation Notes,
 * Supplementary Test Data, and Mathematical Observations" (2005), whose 34 test pairs it
 * reproduces. Hues are in radians; the mean hue and the hue difference follow the notes' rules for
 * hues more than 180° apart and for zero chroma.
 */
public final class Ciede2000 {

  private static final double POW25_7 = StrictMath.pow(25, 7);

  private Ciede2000() {}

  public static double difference(Lab first, Lab second) {
    double c1 = StrictMath.hypot(first.a(), first.b());
    double c2 = StrictMath.hypot(second.a(), second.b());
    double meanC = (c1 + c2) / 2;
    double meanC7 = StrictMath.pow(meanC, 7);
    double g = 0.5 * (1 - StrictMath.sqrt(meanC7 / (meanC7 + POW25_7)));
    double a1 = (1 + g) * first.a();
    double a2 = (1 + g) * second.a();
    double c1p = StrictMath.hypot(a1, first.b());
    double c2p = StrictMath.hypot(a2, second.b());
    double chromaProduct = c1p * c2p;
    double h1 = hue(a1, first.b());
    double h2 = hue(a2, second.b());

    double deltaL = second.l() - first.l();
    double deltaC = c2p - c1p;
    double deltaHue = 0;
    if (chromaProduct != 0) {
      deltaHue = h2 - h1;
      if (deltaHue > StrictMath.PI) {
        deltaHue -= 2 * StrictMath.PI;
      } else if (deltaHue < -StrictMath.PI) {
        deltaHue += 2 * StrictMath.PI;
      }
    }
    double deltaH = 2 * StrictMath.sqrt(chromaProduct) * StrictMath.sin(deltaHue / 2);

    double meanL = (first.l() + second.l()) / 2;
    double meanCp = (c1p + c2p) / 2;
    double meanHue;
    if (chromaProduct == 0) {
      meanHue = h1 + h2;
    } else {
      meanHue = (h1 + h2) / 2;
      if (StrictMath.abs(h1 - h2) > StrictMath.PI) {
        meanHue -= StrictMath.PI;
      }
      if (meanHue < 0) {
        meanHue += 2 * StrictMath.PI;
      }
    }

    double lMinus50Squared = (meanL - 50) * (meanL - 50);
    double sl = 1 + 0.015 * lMinus50Squared / StrictMath.sqrt(20 + lMinus50Squared);
    double sc = 1 + 0.045 * meanCp;
    double t =
        1
            - 0.17 * StrictMath.cos(meanHue - StrictMath.toRadians(30))
            + 0.24 * StrictMath.cos(2 * meanHue)
            + 0.32 * StrictMath.cos(3 * meanHue + StrictMath.toRadians(6))
            - 0.20 * StrictMath.cos(4 * meanHue - StrictMath.toRadians(63));
    double sh = 1 + 0.015 * meanCp * t;
    double deltaTheta =
        StrictMath.toRadians(30)
            * StrictMath.exp(-StrictMath.pow((StrictMath.toDegrees(meanHue) - 275) / 25, 2));
    double meanCp7 = StrictMath.pow(meanCp, 7);
    double rc = 2 * StrictMath.sqrt(meanCp7 / (meanCp7 + POW25_7));
    double rt = -StrictMath.sin(2 * deltaTheta) * rc;

    double l = deltaL / sl;
    double c = deltaC / sc;
    double h = deltaH / sh;
    return StrictMath.sqrt(l * l + c * c + h * h + rt * c * h);
  }

  /** Hue angle in [0, 2π); 0 for a colour without chroma. */
  private static double hue(double a, double b) {
    if (a == 0 && b == 0) {
      return 0;
    }
    double h = StrictMath.atan2(b, a);
    return h < 0 ? h + 2 * StrictMath.PI : h;
  }
}
