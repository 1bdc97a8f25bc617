package dev.cairn.runtime.color;

/**
 * sRGB (IEC 61966-2-1) → linear RGB → CIE XYZ (D65) → CIELAB, for channel values normalised to 0–1
 * so 8-bit and 16-bit images keep their own precision (spec 60-inspection-engine).
 */
public final class Srgb {

  // D65 reference white, Y = 1.
  private static final double XN = 0.95047;
  private static final double YN = 1.0;
  private static final double ZN = 1.08883;
  private static final double EPSILON = 216.0 / 24389.0;
  private static final double KAPPA = 24389.0 / 27.0;

  private Srgb() {}

  /** The Lab colour of an sRGB pixel with channels in [0, 1]. */
  public static Lab toLab(double red, double green, double blue) {
    return linearToLab(linear(red), linear(green), linear(blue));
  }

  /**
   * The linear-light value of every code of a {@code bits}-deep channel, so images convert with one
   * table look-up per channel instead of a power per pixel.
   */
  public static double[] linearTable(int bits) {
    int max = (1 << bits) - 1;
    double[] table = new double[max + 1];
    for (int code = 0; code <= max; code++) {
      table[code] = linear((double) code / max);
    }
    return table;
  }

  /** The Lab colour of a pixel already in linear-light RGB (see {@link #linearTable}). */
  public static Lab linearToLab(double r, double g, double b) {
    double x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
    double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    double z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
    double fx = f(x / XN);
    double fy = f(y / YN);
    double fz = f(z / ZN);
    return new Lab(116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz));
  }

  /** The Lab colour of an 8-bit sRGB pixel. */
  public static Lab toLab8(int red, int green, int blue) {
    return toLab(red / 255.0, green / 255.0, blue / 255.0);
  }

  private static double linear(double channel) {
    return channel <= 0.04045 ? channel / 12.92 : StrictMath.pow((channel + 0.055) / 1.055, 2.4);
  }

  private static double f(double t) {
    return t > EPSILON ? StrictMath.cbrt(t) : (KAPPA * t + 16) / 116;
  }
}
