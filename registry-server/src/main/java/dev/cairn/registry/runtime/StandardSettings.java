package dev.cairn.registry.runtime;

import dev.cairn.runtime.colorsignature.InkMatching;
import dev.cairn.runtime.colorsignature.StdRegistration;
import dev.cairn.runtime.colorsignature.Tolerances;
import java.util.Map;

/**
 * The settings a standard was registered with, kept in its version's {@code metadata}: {@code
 * expected_ink_count} (1–8, required), {@code tolerance_de00} and {@code share_tolerance} (mode
 * defaults), {@code min_std_images} (3).
 */
public final class StandardSettings {

  private StandardSettings() {}

  public static StandardCheck.Settings of(Map<String, Object> metadata) {
    Object inks = metadata.get("expected_ink_count");
    if (!(inks instanceof Number count)
        || count.intValue() < 1
        || count.intValue() > InkMatching.MAX_INKS) {
      throw new IllegalArgumentException(
          "expected_ink_count must be a number from 1 to " + InkMatching.MAX_INKS);
    }
    return new StandardCheck.Settings(
        count.intValue(),
        new Tolerances(number(metadata, "tolerance_de00"), number(metadata, "share_tolerance")),
        metadata.get("min_std_images") instanceof Number min
            ? min.intValue()
            : StdRegistration.DEFAULT_MIN_STD_IMAGES);
  }

  private static double number(Map<String, Object> metadata, String key) {
    if (!(metadata.get(key) instanceof Number value)) {
      throw new IllegalArgumentException(key + " is missing");
    }
    return value.doubleValue();
  }
}
