package dev.cairn.runtime.colorsignature;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Classifies every pixel as paper or ink and subsamples the ink deterministically, in one pass. The
 * subsample keeps every {@code stride}-th ink pixel in raster order; when it would pass {@link
 * ImageAnalysis#MAX_SAMPLE} the stride doubles and every other kept pixel is dropped, so the result
 * is always an exact stride subsample of at most that many pixels, whatever the image size.
 */
public final class ImageAnalyzer {

  private static final int L_BINS = 10_001; // L* in steps of 0.01

  private ImageAnalyzer() {}

  public static ImageAnalysis analyze(BufferedImage image, EngineParams params) {
    LinearRows rows = new LinearRows(image);
    LabMemo memo = new LabMemo(rows);
    int width = rows.width();
    int height = rows.height();
    int[] rgb = new int[3 * width];
    double[] lab = new double[3];
    int[] backgroundL = new int[L_BINS];
    Subsample ink = new Subsample();
    long background = 0;
    long saturated = 0;
    for (int y = 0; y < height; y++) {
      saturated += rows.read(y, rgb);
      for (int x = 0; x < width; x++) {
        memo.lab(rgb[3 * x], rgb[3 * x + 1], rgb[3 * x + 2], lab);
        if (params.isBackground(lab[0], lab[1], lab[2])) {
          background++;
          backgroundL[(int) Math.max(0, Math.min(L_BINS - 1, Math.round(lab[0] * 100)))]++;
        } else {
          ink.offer(lab);
        }
      }
    }
    return new ImageAnalysis(
        (long) width * height,
        ink.seen,
        background,
        saturated,
        median(backgroundL, background),
        ink.sample());
  }

  /** Every {@code stride}-th ink pixel, the stride doubling whenever the buffer fills. */
  private static final class Subsample {
    private final double[] buffer = new double[3 * ImageAnalysis.MAX_SAMPLE];
    private int count;
    private long stride = 1;
    private long seen;

    void offer(double[] lab) {
      long index = seen++;
      if (index % stride != 0) {
        return;
      }
      if (count == ImageAnalysis.MAX_SAMPLE) {
        // Keep the pixels at even positions: they are exactly the multiples of twice the stride.
        for (int i = 0; i < count / 2; i++) {
          System.arraycopy(buffer, 6 * i, buffer, 3 * i, 3);
        }
        count /= 2;
        stride *= 2;
        if (index % stride != 0) {
          return;
        }
      }
      System.arraycopy(lab, 0, buffer, 3 * count++, 3);
    }

    double[] sample() {
      return Arrays.copyOf(buffer, 3 * count);
    }
  }

  private static double median(int[] histogram, long count) {
    if (count == 0) {
      return Double.NaN;
    }
    long half = (count + 1) / 2;
    long running = 0;
    for (int bin = 0; bin < histogram.length; bin++) {
      running += histogram[bin];
      if (running >= half) {
        return bin / 100.0;
      }
    }
    return 100;
  }
}
