package dev.cairn.runtime.colorsignature;

import java.util.ArrayList;
import java.util.List;

/**
 * What the engine knows about one image after a pass over its pixels: counts for the quality gates,
 * the median L* of the paper, and a stride subsample of at most {@link #MAX_SAMPLE} ink pixels in
 * Lab ({@code inkSample} holds L, a, b triples) for the signature.
 */
public record ImageAnalysis(
    long pixels,
    long inkPixels,
    long backgroundPixels,
    long saturatedPixels,
    double backgroundMedianL,
    double[] inkSample) {

  public static final int MAX_SAMPLE = 65_536;

  /** Failed quality gates in the order of spec 60's table; empty when the image is usable. */
  public List<String> gateFailures() {
    List<String> failures = new ArrayList<>();
    if (inkPixels < 0.005 * pixels) {
      failures.add("NO_INK");
    }
    if (backgroundPixels < 0.02 * pixels) {
      failures.add("NO_BACKGROUND");
    }
    if (saturatedPixels > 0.05 * pixels) {
      failures.add("OVEREXPOSED");
    }
    if (backgroundPixels == 0 || backgroundMedianL < 60) {
      failures.add("UNDEREXPOSED");
    }
    return failures;
  }

  public int sampleSize() {
    return inkSample.length / 3;
  }
}
