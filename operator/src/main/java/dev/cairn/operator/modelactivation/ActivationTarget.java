package dev.cairn.operator.modelactivation;

import dev.cairn.client.model.AliasUpdate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pointers a ModelActivation asks for: a version per variant ({@code versions}), or the one
 * {@code version} of a single-variant model (the registry puts it on the model's default variant).
 */
record ActivationTarget(Map<String, String> versions, String singleVersion) {

  /** The target of {@code spec}; an {@link IllegalArgumentException} names what is wrong. */
  static ActivationTarget of(ModelActivationSpec spec) {
    boolean hasMap = spec.versions() != null && !spec.versions().isEmpty();
    boolean hasOne = spec.version() != null && !spec.version().isBlank();
    if (hasMap == hasOne) {
      throw new IllegalArgumentException(
          "set exactly one of spec.versions (per variant) and spec.version (single variant)");
    }
    return hasMap
        ? new ActivationTarget(new TreeMap<>(spec.versions()), null)
        : new ActivationTarget(null, spec.version());
  }

  /** Version by variant; the single version is keyed by {@code ""} (the default variant). */
  Map<String, String> byVariant() {
    return versions != null ? versions : Map.of("", singleVersion);
  }

  /** Whether an alias with {@code pointers} already points where this target asks. */
  boolean reachedBy(Map<String, String> pointers) {
    if (pointers == null || pointers.isEmpty()) {
      return false;
    }
    if (versions != null) {
      return versions.entrySet().stream()
          .allMatch(e -> e.getValue().equals(pointers.get(e.getKey())));
    }
    return pointers.values().stream().allMatch(singleVersion::equals);
  }

  AliasUpdate update(String reason, String approvedBy, String owner) {
    AliasUpdate base =
        versions != null
            ? AliasUpdate.pointers(versions, reason)
            : AliasUpdate.version(singleVersion, reason);
    return new AliasUpdate(base.pointers(), base.version(), reason, approvedBy, null, owner, null);
  }

  @Override
  public String toString() {
    return versions != null ? versions.toString() : singleVersion;
  }
}
