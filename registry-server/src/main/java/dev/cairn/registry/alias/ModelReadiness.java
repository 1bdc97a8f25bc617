package dev.cairn.registry.alias;

import java.util.Collection;
import java.util.List;

/**
 * Where a model stands for one alias (spec 20-integrity-activation, model status): {@code
 * ARCHIVED}; {@code ACTIVE} when the alias points at every variant; {@code INCOMPLETE} when some
 * variant has no pointer and no READY version to point at yet ({@link #missing}); {@code INACTIVE}
 * when every variant could be activated but the alias does not cover them all ({@link #inactive}
 * names those that could).
 */
public enum ModelReadiness {
  ARCHIVED,
  ACTIVE,
  INCOMPLETE,
  INACTIVE;

  /**
   * @param archived the model is archived
   * @param variants the model's variants
   * @param pointed the variants the alias points at
   * @param ready the variants that have a READY version
   */
  public static ModelReadiness of(
      boolean archived,
      Collection<String> variants,
      Collection<String> pointed,
      Collection<String> ready) {
    if (archived) {
      return ARCHIVED;
    }
    if (pointed.containsAll(variants)) {
      return ACTIVE;
    }
    return missing(variants, pointed, ready).isEmpty() ? INACTIVE : INCOMPLETE;
  }

  /** The variants without a pointer and without a READY version to point at, in model order. */
  public static List<String> missing(
      Collection<String> variants, Collection<String> pointed, Collection<String> ready) {
    return variants.stream().filter(v -> !pointed.contains(v) && !ready.contains(v)).toList();
  }

  /** The variants without a pointer that have a READY version to point at, in model order. */
  public static List<String> inactive(
      Collection<String> variants, Collection<String> pointed, Collection<String> ready) {
    return variants.stream().filter(v -> !pointed.contains(v) && ready.contains(v)).toList();
  }
}
