package dev.cairn.registry.runtime;

import dev.cairn.runtime.colorsignature.InkMatching;
import dev.cairn.runtime.colorsignature.StdModel;
import dev.cairn.runtime.colorsignature.StdRegistration;
import dev.cairn.runtime.colorsignature.Tolerances;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The settings a standard is rebuilt with: from its version's {@code metadata} ({@code
 * expected_ink_count} 1–8, {@code tolerance_de00}, {@code share_tolerance}, {@code min_std_images}
 * default 3) — where an STD registration writes them — else from the standard's own {@code
 * signature.json} (a version published by other means, such as the operator). The rebuilt bytes
 * must still equal the stored ones, so a standard cannot claim settings its images do not give.
 */
public final class StandardSettings {

  private StandardSettings() {}

  public static StandardCheck.Settings of(
      Map<String, Object> metadata, Optional<StdModel> declared) {
    Map<String, Object> merged = new HashMap<>();
    declared.ifPresent(
        model -> {
          merged.put("expected_ink_count", model.expectedInkCount());
          merged.put("tolerance_de00", model.toleranceDe00());
          merged.put("share_tolerance", model.shareTolerance());
        });
    merged.putAll(metadata);
    return of(merged);
  }

  private static StandardCheck.Settings of(Map<String, Object> metadata) {
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
