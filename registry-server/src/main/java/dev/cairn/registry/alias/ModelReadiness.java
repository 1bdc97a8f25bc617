package dev.cairn.registry.alias;

import java.util.Collection;

/**
 * Where a model stands for one alias (spec 20-integrity-activation, model status): {@code
 * ARCHIVED}; {@code ACTIVE} when the alias points at every variant; {@code INCOMPLETE} when some
 * variant has no READY version to point at yet; {@code INACTIVE} when every variant could be
 * activated but the alias does not cover them all.
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
    return ready.containsAll(variants) ? INACTIVE : INCOMPLETE;
  }
}
