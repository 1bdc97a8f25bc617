package dev.cairn.runtime.colorsignature;

import java.awt.image.BufferedImage;
import java.util.BitSet;

/**
 * Classifies every pixel as paper or ink and subsamples the ink deterministically. Two passes: the
 * first converts every pixel and counts, the second converts again only the ink pixels the stride
 * picks, so memory stays one bit per pixel however large the image.
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
    BitSet ink = new BitSet(width * height);
    int[] backgroundL = new int[L_BINS];
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
          ink.set(y * width + x);
        }
      }
    }
    long inkCount = ink.cardinality();
    return new ImageAnalysis(
        (long) width * height,
        inkCount,
        background,
        saturated,
        median(backgroundL, background),
        sample(rows, memo, ink, inkCount));
  }

  /**
   * Every {@code stride}-th ink pixel in raster order, at most {@link ImageAnalysis#MAX_SAMPLE}.
   */
  private static double[] sample(LinearRows rows, LabMemo memo, BitSet ink, long inkCount) {
    int width = rows.width();
    long stride = Math.max(1, (inkCount + ImageAnalysis.MAX_SAMPLE - 1) / ImageAnalysis.MAX_SAMPLE);
    int size = (int) Math.min(ImageAnalysis.MAX_SAMPLE, (inkCount + stride - 1) / stride);
    double[] sample = new double[3 * size];
    int[] rgb = new int[3 * width];
    double[] lab = new double[3];
    int taken = 0;
    long seen = 0;
    int loadedRow = -1;
    for (int i = ink.nextSetBit(0); i >= 0 && taken < size; i = ink.nextSetBit(i + 1)) {
      if (seen++ % stride != 0) {
        continue;
      }
      int y = i / width;
      int x = i % width;
      if (y != loadedRow) {
        rows.read(y, rgb);
        loadedRow = y;
      }
      memo.lab(rgb[3 * x], rgb[3 * x + 1], rgb[3 * x + 2], lab);
      System.arraycopy(lab, 0, sample, 3 * taken, 3);
      taken++;
    }
    return sample;
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
