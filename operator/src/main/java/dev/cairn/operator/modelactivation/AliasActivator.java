package dev.cairn.operator.modelactivation;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Alias;
import dev.cairn.client.model.AliasUpdate;
import java.util.Map;
import java.util.Optional;

/**
 * Sets and releases the alias of a ModelActivation in the registry. The PUT carries {@code
 * Idempotency-Key: <uid>/<generation>}, so a reconcile repeated after a lost answer changes the
 * alias at most once per spec generation, and claims {@code managed_by}, after which the registry
 * refuses REST writes from anyone else ({@code ALIAS_MANAGED}).
 */
final class AliasActivator {

  /**
   * The alias after activation, its pointers one generation earlier (empty for a new alias), and
   * whether this call changed it.
   */
  record Activation(Alias alias, Map<String, String> previous, boolean changed) {}

  private final CairnClient registry;

  AliasActivator(CairnClient registry) {
    this.registry = registry;
  }

  Activation activate(ModelActivation ma, String project, ActivationTarget target) {
    var spec = ma.getSpec();
    String owner = ActivationConflicts.ownerName(ma);
    Optional<Alias> before = current(project, spec.model(), spec.aliasOrDefault());
    if (before.isPresent()
        && owner.equals(before.get().managedBy())
        && target.reachedBy(before.get().pointers())) {
      Alias alias = before.get();
      return new Activation(alias, previous(project, spec.model(), alias), false);
    }
    String reason =
        spec.reason() != null && !spec.reason().isBlank()
            ? spec.reason()
            : "applied by " + owner + " (generation " + ma.getMetadata().getGeneration() + ")";
    Alias after =
        registry
            .aliases()
            .put(
                project,
                spec.model(),
                spec.aliasOrDefault(),
                target.update(reason, spec.approvedBy(), owner),
                null,
                ma.getMetadata().getUid() + "/" + ma.getMetadata().getGeneration());
    return new Activation(after, previous(project, spec.model(), after), true);
  }

  /**
   * The pointers one generation before {@code alias}'s current one, from the registry's history
   * (the truth even when an earlier reconcile set the alias and its status write was lost).
   */
  private Map<String, String> previous(String project, String model, Alias alias) {
    long wanted = alias.generation() - 1;
    if (wanted < 1) {
      return Map.of();
    }
    return registry.aliases().history(project, model, alias.alias(), 20, null).items().stream()
        .filter(entry -> entry.generation() == wanted)
        .findFirst()
        .map(entry -> entry.pointers() == null ? Map.<String, String>of() : entry.pointers())
        .orElse(Map.of());
  }

  /** Gives {@code managed_by} up, pointers unchanged; a no-op unless {@code ma} holds it. */
  boolean release(ModelActivation ma, String project) {
    var spec = ma.getSpec();
    String owner = ActivationConflicts.ownerName(ma);
    Optional<Alias> alias = current(project, spec.model(), spec.aliasOrDefault());
    if (alias.isEmpty() || !owner.equals(alias.get().managedBy())) {
      return false;
    }
    registry
        .aliases()
        .put(
            project,
            spec.model(),
            spec.aliasOrDefault(),
            AliasUpdate.release(owner, owner + " deleted; pointers kept"),
            null,
            ma.getMetadata().getUid() + "/release");
    return true;
  }

  private Optional<Alias> current(String project, String model, String alias) {
    try {
      return Optional.of(registry.aliases().get(project, model, alias));
    } catch (CairnApiException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
