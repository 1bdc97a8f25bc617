package dev.cairn.runtime.testing;

import dev.cairn.runtime.color.Lab;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws test prints: ink patches of known CIELAB colours on paper-white, with seeded Gaussian
 * noise, written as 8- or 16-bit PNG, JPEG or BMP. The ink area is a centred block whose rows are
 * split between the inks by their shares. Shipped (not only in the test-jar) so that {@link
 * SeedImages} can give a user the prints the examples need.
 */
public final class InkImages {

  /** A typical paper white (L* 95, slightly warm). */
  public static final Lab PAPER = new Lab(95, 0.5, 2);

  /** The blue of the standard test print (darker of its two inks). */
  public static final Lab BLUE = new Lab(35, 12, -48);

  /** The red of the standard test print. */
  public static final Lab RED = new Lab(48, 62, 38);

  private final int width;
  private final int height;
  private final List<Lab> inks = new ArrayList<>();
  private final List<Double> shares = new ArrayList<>();
  private Lab paper = PAPER;
  private double inkArea = 0.3;
  private double noise = 1.5;
  private long seed = 1;
  private int bits = 8;

  private InkImages(int width, int height) {
    this.width = width;
    this.height = height;
  }

  public static InkImages sheet(int width, int height) {
    return new InkImages(width, height);
  }

  /** The standard test print: blue on 40 % and red on 60 % of the ink area. */
  public static InkImages twoInks(int width, int height, long seed) {
    return sheet(width, height).ink(BLUE, 0.4).ink(RED, 0.6).seed(seed);
  }

  /** Adds an ink covering {@code share} of the ink area. */
  public InkImages ink(Lab lab, double share) {
    inks.add(lab);
    shares.add(share);
    return this;
  }

  public InkImages paper(Lab lab) {
    this.paper = lab;
    return this;
  }

  /** The fraction of the image covered by ink (default 0.3). */
  public InkImages inkArea(double fraction) {
    this.inkArea = fraction;
    return this;
  }

  /** Standard deviation of the noise in 8-bit code values (default 1.5). */
  public InkImages noise(double sigma) {
    this.noise = sigma;
    return this;
  }

  public InkImages seed(long value) {
    this.seed = value;
    return this;
  }

  public InkImages sixteenBit() {
    this.bits = 16;
    return this;
  }

  public BufferedImage image() {
    BufferedImage image = blank();
    WritableRaster raster = image.getRaster();
    int max = (1 << bits) - 1;
    Random random = new Random(seed);
    double[][] colours = new double[inks.size()][];
    for (int i = 0; i < inks.size(); i++) {
      colours[i] = toSrgb(inks.get(i));
    }
    double[] paperColour = toSrgb(paper);
    int inkRows = (int) Math.round(height * Math.sqrt(inkArea));
    int inkColumns = (int) Math.round(width * Math.sqrt(inkArea));
    int top = (height - inkRows) / 2;
    int left = (width - inkColumns) / 2;
    int[] pixel = new int[3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        boolean inInk =
            !inks.isEmpty() && y >= top && y < top + inkRows && x >= left && x < left + inkColumns;
        double[] colour = inInk ? colours[inkAt((double) (y - top) / inkRows)] : paperColour;
        for (int c = 0; c < 3; c++) {
          double value = colour[c] * max + random.nextGaussian() * noise * max / 255.0;
          pixel[c] = (int) Math.max(0, Math.min(max, Math.round(value)));
        }
        raster.setPixel(x, y, pixel);
      }
    }
    return image;
  }

  public byte[] png() {
    return encode(image(), "png");
  }

  public byte[] jpeg() {
    return encode(image(), "jpeg");
  }

  public byte[] bmp() {
    return encode(image(), "bmp");
  }

  public static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private int inkAt(double position) {
    double total = shares.stream().mapToDouble(Double::doubleValue).sum();
    double running = 0;
    for (int i = 0; i < shares.size(); i++) {
      running += shares.get(i) / total;
      if (position < running) {
        return i;
      }
    }
    return shares.size() - 1;
  }

  private BufferedImage blank() {
    if (bits == 8) {
      return new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    }
    ComponentColorModel model =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_sRGB),
            new int[] {16, 16, 16},
            false,
            false,
            Transparency.OPAQUE,
            DataBuffer.TYPE_USHORT);
    return new BufferedImage(
        model, model.createCompatibleWritableRaster(width, height), false, null);
  }

  /** CIELAB (D65) → sRGB channels in [0, 1], the inverse of the engine's conversion. */
  public static double[] toSrgb(Lab lab) {
    double fy = (lab.l() + 16) / 116;
    double fx = fy + lab.a() / 500;
    double fz = fy - lab.b() / 200;
    double x = 0.95047 * finv(fx);
    double y = finv(fy);
    double z = 1.08883 * finv(fz);
    double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
    double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
    double b = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
    return new double[] {gamma(r), gamma(g), gamma(b)};
  }

  private static double finv(double t) {
    double cube = t * t * t;
    return cube > 216.0 / 24389.0 ? cube : (116 * t - 16) / (24389.0 / 27.0);
  }

  private static double gamma(double linear) {
    double clipped = Math.max(0, Math.min(1, linear));
    return clipped <= 0.0031308 ? 12.92 * clipped : 1.055 * Math.pow(clipped, 1 / 2.4) - 0.055;
  }
}
