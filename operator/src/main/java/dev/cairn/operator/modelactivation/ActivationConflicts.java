package dev.cairn.operator.modelactivation;

import io.javaoperatorsdk.operator.api.reconciler.ResourceCache;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One ModelActivation per (project, model, alias): the oldest (creation time, then name) owns the
 * alias; the others are in {@code Conflict} and change nothing until it goes away.
 */
final class ActivationConflicts {

  private static final Comparator<ModelActivation> OLDEST_FIRST =
      Comparator.comparing((ModelActivation ma) -> ma.getMetadata().getCreationTimestamp())
          .thenComparing(ma -> ma.getMetadata().getNamespace())
          .thenComparing(ma -> ma.getMetadata().getName());

  private ActivationConflicts() {}

  /** The resource that owns {@code ma}'s alias when it is not {@code ma} itself. */
  static Optional<ModelActivation> owner(ModelActivation ma, ResourceCache<ModelActivation> cache) {
    return sameAlias(ma, cache)
        .filter(other -> other.getMetadata().getDeletionTimestamp() == null)
        .min(OLDEST_FIRST)
        .filter(oldest -> !oldest.getMetadata().getUid().equals(ma.getMetadata().getUid()));
  }

  /** Every resource (including {@code ma}) naming the same project, model and alias. */
  static Stream<ModelActivation> sameAlias(
      ModelActivation ma, ResourceCache<ModelActivation> cache) {
    String key = key(ma);
    return cache.list(other -> key.equals(key(other)));
  }

  static String key(ModelActivation ma) {
    var spec = ma.getSpec();
    return spec.projectOr(ma.getMetadata().getNamespace())
        + "/"
        + spec.model()
        + "@"
        + spec.aliasOrDefault();
  }

  /** How the registry names this resource as the alias's owner ({@code managed_by}). */
  static String ownerName(ModelActivation ma) {
    return "ModelActivation " + ma.getMetadata().getNamespace() + "/" + ma.getMetadata().getName();
  }
}
