package dev.cairn.runtime.colorsignature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one generation of a model has loaded for inspection, and the one rule for when that cannot
 * judge images: a RETAKE that concerns the model, not the images (spec 50 {@code /inspect}, seed
 * 000). Nothing loaded, or no standard at all, is {@code MODEL_NOT_FOUND}; a declared variant that
 * is not loaded (no pointer yet) is {@code MODEL_INCOMPLETE:<variant>}, the first one in the
 * model's order; a mode without a standard is {@code MODEL_INCOMPLETE:<mode>}.
 *
 * @param declared the model's variants in its order
 * @param loaded the variants loaded now, of any format
 * @param standards the loaded colour-signature standards by mode, in the model's order
 */
public record LoadedModes(
    List<String> declared, Set<String> loaded, Map<String, StdModel> standards) {

  public static final String MODEL_NOT_FOUND = "MODEL_NOT_FOUND";
  public static final String MODEL_INCOMPLETE = "MODEL_INCOMPLETE:";

  public LoadedModes {
    declared = List.copyOf(declared);
    loaded = Set.copyOf(loaded);
    standards = Collections.unmodifiableMap(new LinkedHashMap<>(standards));
  }

  /** No model serves the request. */
  public static LoadedModes none() {
    return new LoadedModes(List.of(), Set.of(), Map.of());
  }

  /** Standards alone, each its own declared and loaded variant (a caller without a generation). */
  public static LoadedModes of(Map<String, StdModel> standards) {
    return new LoadedModes(List.copyOf(standards.keySet()), standards.keySet(), standards);
  }

  /** The reason images cannot be judged in {@code mode}, or empty when they can. */
  public Optional<String> retakeReason(String mode) {
    if (loaded.isEmpty()) {
      return Optional.of(MODEL_NOT_FOUND);
    }
    for (String variant : declared) {
      if (!loaded.contains(variant)) {
        return Optional.of(MODEL_INCOMPLETE + variant);
      }
    }
    if (standards.isEmpty()) {
      return Optional.of(MODEL_NOT_FOUND);
    }
    return standards.containsKey(mode) ? Optional.empty() : Optional.of(MODEL_INCOMPLETE + mode);
  }
}
