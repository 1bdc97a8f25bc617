package dev.cairn.runtime.colorsignature;

import dev.cairn.runtime.color.Srgb;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;

/**
 * Reads an image row by row as sRGB codes at the image's own bit depth: 8- and 16-bit component
 * images are read from their raster (so a 16-bit PNG keeps its precision), anything else (palette,
 * packed) through its 8-bit sRGB view. Grey images give equal channels. {@link #linear} turns a
 * code into linear light.
 */
final class LinearRows {

  private final BufferedImage image;
  private final Raster raster;
  private final boolean direct;
  private final int bands;
  private final int colorBands;
  private final int maxCode;
  private final double[] table;
  private final int[] samples;

  LinearRows(BufferedImage image) {
    this.image = image;
    this.raster = image.getRaster();
    this.direct = isDirect(image);
    this.bands = direct ? raster.getNumBands() : 1;
    this.colorBands = direct ? image.getColorModel().getNumColorComponents() : 3;
    int bits = direct ? image.getColorModel().getComponentSize(0) : 8;
    this.maxCode = (1 << bits) - 1;
    this.table = Srgb.linearTable(bits);
    this.samples = new int[image.getWidth() * Math.max(bands, 3)];
  }

  int width() {
    return image.getWidth();
  }

  int height() {
    return image.getHeight();
  }

  double linear(int code) {
    return table[code];
  }

  /**
   * Fills {@code rgb} (3 × width) with the codes of row {@code y} and returns how many of its
   * pixels have a channel at the maximum code (clipped highlights).
   */
  int read(int y, int[] rgb) {
    int width = image.getWidth();
    int saturated = 0;
    if (direct) {
      raster.getPixels(0, y, width, 1, samples);
    } else {
      image.getRGB(0, y, width, 1, samples, 0, width);
    }
    for (int x = 0; x < width; x++) {
      int r;
      int g;
      int b;
      if (!direct) {
        int argb = samples[x];
        r = (argb >> 16) & 0xff;
        g = (argb >> 8) & 0xff;
        b = argb & 0xff;
      } else if (colorBands >= 3) {
        r = samples[x * bands];
        g = samples[x * bands + 1];
        b = samples[x * bands + 2];
      } else {
        r = g = b = samples[x * bands];
      }
      if (r == maxCode || g == maxCode || b == maxCode) {
        saturated++;
      }
      rgb[3 * x] = r;
      rgb[3 * x + 1] = g;
      rgb[3 * x + 2] = b;
    }
    return saturated;
  }

  private static boolean isDirect(BufferedImage image) {
    if (!(image.getColorModel() instanceof ComponentColorModel model)) {
      return false;
    }
    int type = image.getRaster().getTransferType();
    int bits = model.getComponentSize(0);
    int colorSpace = model.getColorSpace().getType();
    boolean depthOk =
        (type == DataBuffer.TYPE_BYTE && bits == 8)
            || (type == DataBuffer.TYPE_USHORT && bits == 16);
    boolean spaceOk = colorSpace == ColorSpace.TYPE_RGB || colorSpace == ColorSpace.TYPE_GRAY;
    return depthOk && spaceOk;
  }
}
