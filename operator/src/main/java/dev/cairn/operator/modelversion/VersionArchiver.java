package dev.cairn.operator.modelversion;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionPatch;
import dev.cairn.client.retry.Backoff;
import dev.cairn.operator.crd.Conditions;
import dev.cairn.operator.kube.KubeEvents;
import dev.cairn.operator.registry.RegistryFailure;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code cairn.dev/archive} finalizer: deleting a ModelVersion archives its registry version
 * (bytes and history stay; nothing new may point at it). While an alias points at the version the
 * registry refuses ({@code VERSION_IN_USE}) and the deletion waits with {@code
 * DeletionBlocked=True} naming the aliases; an alias event or the retry lets it finish. A version
 * this resource never registered (failed digests, a name taken by other bytes) is left alone.
 */
final class VersionArchiver {

  private static final Logger LOG = Logger.getLogger(VersionArchiver.class.getName());
  private static final Duration BLOCKED_RECHECK = Duration.ofSeconds(30);

  private final CairnClient registry;
  private final KubeEvents events;
  private final Backoff.PerKey backoff;

  VersionArchiver(CairnClient registry, KubeEvents events, Backoff.PerKey backoff) {
    this.registry = registry;
    this.events = events;
    this.backoff = backoff;
  }

  DeleteControl archive(ModelVersion mv, KubernetesClient kube) {
    ModelVersionStatus status = mv.getStatus();
    if (status == null || status.registry() == null) {
      return DeleteControl.defaultDelete();
    }
    ModelVersionSpec spec = mv.getSpec();
    String project = spec.projectOr(mv.getMetadata().getNamespace());
    try {
      registry
          .versions()
          .patch(
              project,
              spec.model(),
              spec.version(),
              new VersionPatch(null, null, null, Version.State.ARCHIVED.wire()));
      events.normal(
          mv, "Archived", spec.model() + ":" + spec.version() + " is ARCHIVED in the registry");
      backoff.reset(mv.getMetadata().getUid());
      return DeleteControl.defaultDelete();
    } catch (CairnApiException e) {
      if ("VERSION_IN_USE".equals(e.code())) {
        block(mv, status, kube, aliases(e));
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(BLOCKED_RECHECK);
      }
      if (e.status() == 404 || "INVALID_STATE_TRANSITION".equals(e.code())) {
        return DeleteControl.defaultDelete(); // gone, or never READY: nothing to archive
      }
      if (!RegistryFailure.from(e).isTransient()) {
        events.warning(mv, "ArchiveFailed", e.getMessage());
      }
    } catch (RuntimeException e) {
      RegistryFailure.from(e);
    }
    return DeleteControl.noFinalizerRemoval()
        .rescheduleAfter(backoff.next(mv.getMetadata().getUid()));
  }

  private void block(
      ModelVersion mv, ModelVersionStatus status, KubernetesClient kube, List<String> aliases) {
    long generation = mv.getMetadata().getGeneration();
    String message =
        "alias "
            + String.join(", ", aliases)
            + " points at "
            + mv.getSpec().model()
            + ":"
            + mv.getSpec().version()
            + "; the deletion waits until it moves";
    if (Conditions.find(status.conditions(), "DeletionBlocked")
        .filter(c -> message.equals(c.message()))
        .isPresent()) {
      return;
    }
    events.warning(mv, "DeletionBlocked", message);
    mv.setStatus(status.withCondition("DeletionBlocked", true, "AliasInUse", message, generation));
    try {
      kube.resource(mv).patchStatus();
    } catch (KubernetesClientException e) {
      LOG.log(Level.WARNING, "DeletionBlocked not written on " + mv.getMetadata().getName(), e);
    }
  }

  private static List<String> aliases(CairnApiException e) {
    List<String> names = new ArrayList<>();
    e.member("aliases").ifPresent(list -> list.forEach(a -> names.add(a.asText())));
    return names.isEmpty() ? List.of("(unknown)") : names;
  }
}
