package dev.cairn.runtime.colorsignature;

/**
 * What separates paper from ink: a pixel is background when L* ≥ {@code backgroundLMin} and chroma
 * C*ab ≤ {@code backgroundCMax} (defaults 88 and 10); everything else is ink. Stored in every
 * {@code signature.json} so a standard is always inspected with the thresholds it was built with.
 */
public record EngineParams(double backgroundLMin, double backgroundCMax) {

  public static final EngineParams DEFAULTS = new EngineParams(88, 10);

  boolean isBackground(double l, double a, double b) {
    return l >= backgroundLMin && a * a + b * b <= backgroundCMax * backgroundCMax;
  }
}
