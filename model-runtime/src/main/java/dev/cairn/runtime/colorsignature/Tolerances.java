package dev.cairn.runtime.colorsignature;

import java.util.Locale;
import java.util.Map;

/**
 * How far a sample may be from the standard: ΔE00 per ink and share per ink. Defaults by mode — LOW
 * 6.0, MID 3.5, HIGH 2.0 ΔE00 and 0.10 share — overridable per registration.
 */
public record Tolerances(double de00, double share) {

  public static final double DEFAULT_SHARE = 0.10;
  private static final Map<String, Double> DE00_BY_MODE =
      Map.of("LOW", 6.0, "MID", 3.5, "HIGH", 2.0);

  /** The defaults of a mode; a mode the engine does not name gets MID's. */
  public static Tolerances forMode(String mode) {
    return new Tolerances(
        DE00_BY_MODE.getOrDefault(mode.toUpperCase(Locale.ROOT), 3.5), DEFAULT_SHARE);
  }
}
