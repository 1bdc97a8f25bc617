package dev.cairn.sidecar.serving;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;

/**
 * What the alias names at one generation: the version of each variant it points at, with the pinned
 * files, plus the model's variants and default. Also the shape of the cache's state file, so an
 * offline start knows the last good set.
 */
public record TargetSet(
    long generation,
    List<String> modelVariants,
    String defaultVariant,
    Map<String, TargetVariant> variants) {

  /** No alias yet (nothing was ever activated): generation 0, nothing to load. */
  public static TargetSet none(List<String> modelVariants, String defaultVariant) {
    return new TargetSet(0, modelVariants, defaultVariant, Map.of());
  }

  /** One variant's version and its pinned files. */
  public record TargetVariant(
      String variant,
      String version,
      String format,
      String runtimeName,
      String runtimeMinVersion,
      Integer runtimeOpset,
      String digest,
      List<TargetFile> files) {}

  /** A file of a version: path, pinned SHA-256 (hex) and size. */
  public record TargetFile(String path, String sha256, long sizeBytes) {}

  /** Whether {@code other} names exactly the same versions (a re-resolve with nothing new). */
  @JsonIgnore
  public boolean sameVersionsAs(TargetSet other) {
    return other != null && generation == other.generation && variants.equals(other.variants);
  }
}
