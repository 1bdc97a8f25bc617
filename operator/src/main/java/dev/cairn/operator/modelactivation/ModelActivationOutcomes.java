package dev.cairn.operator.modelactivation;

import dev.cairn.client.model.Alias;
import dev.cairn.client.model.ModelStatus;
import dev.cairn.client.retry.Backoff;
import dev.cairn.operator.kube.KubeEvents;
import dev.cairn.operator.metrics.OperatorMetrics;
import dev.cairn.operator.registry.RegistryFailure;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Turns what a ModelActivation reconcile found into its status, Kubernetes Events (one per phase
 * change, Warning for {@code Failed} and {@code Conflict}, and one per alias flip) and metrics.
 */
final class ModelActivationOutcomes {

  private final KubeEvents events;
  private final OperatorMetrics metrics;
  private final Backoff.PerKey backoff;
  private final ActivationClock clock;

  ModelActivationOutcomes(
      KubeEvents events, OperatorMetrics metrics, Backoff.PerKey backoff, ActivationClock clock) {
    this.events = events;
    this.metrics = metrics;
    this.backoff = backoff;
    this.clock = clock;
  }

  UpdateControl<ModelActivation> conflict(
      ModelActivation ma, ModelActivationStatus status, long gen, ModelActivation owner) {
    String message =
        ActivationConflicts.ownerName(owner)
            + " (created earlier) already manages alias "
            + ma.getSpec().aliasOrDefault()
            + " of model "
            + ma.getSpec().model()
            + "; this resource changes nothing while it exists";
    metrics.failed(ModelActivationReconciler.KIND, ModelActivationPhase.CONFLICT.wire());
    return patch(
        ma,
        status
            .withPhase(ModelActivationPhase.CONFLICT, gen)
            .withCondition("Activated", false, ModelActivationPhase.CONFLICT.wire(), message, gen)
            .withCondition("Ready", false, ModelActivationPhase.CONFLICT.wire(), message, gen),
        ModelActivationPhase.CONFLICT.wire(),
        message);
  }

  UpdateControl<ModelActivation> failed(
      ModelActivation ma, ModelActivationStatus status, long gen, String reason, String message) {
    metrics.failed(ModelActivationReconciler.KIND, reason);
    backoff.reset(ma.getMetadata().getUid());
    return patch(
        ma,
        status
            .withPhase(ModelActivationPhase.FAILED, gen)
            .withCondition("Activated", false, reason, message, gen)
            .withCondition("Ready", false, reason, message, gen),
        reason,
        message);
  }

  /**
   * The registry refused the alias because a target version is unsigned or its signer is not
   * trusted ({@code SIGNATURE_REQUIRED} / {@code SIGNATURE_UNTRUSTED}, issue 28): {@code Ready} and
   * {@code Activated} False with the code as reason and the registry's detail (version and variant)
   * as message. Signing the version or trusting its key fixes it without a spec change, so the
   * alias is tried again, spaced by the growing backoff rather than at once.
   */
  UpdateControl<ModelActivation> signatureRefused(
      ModelActivation ma, ModelActivationStatus status, long gen, String code, String detail) {
    metrics.failed(ModelActivationReconciler.KIND, code);
    String message = "the registry refused the alias: " + detail;
    UpdateControl<ModelActivation> control =
        patch(
            ma,
            status
                .withPhase(ModelActivationPhase.FAILED, gen)
                .withCondition("Activated", false, code, message, gen)
                .withCondition("Ready", false, code, message, gen),
            code,
            message);
    return control.rescheduleAfter(backoff.next(ma.getMetadata().getUid()));
  }

  UpdateControl<ModelActivation> versionsNotReady(
      ModelActivation ma, ModelActivationStatus status, long gen, List<String> missing) {
    String message = "waiting for: " + String.join("; ", missing);
    return patch(
        ma,
        status
            .withPhase(ModelActivationPhase.PENDING, gen)
            .withCondition("VersionsReady", false, "VersionsNotReady", message, gen)
            .withCondition("Ready", false, "VersionsNotReady", message, gen),
        "VersionsNotReady",
        message);
  }

  ModelActivationStatus versionsReady(ModelActivationStatus status, long gen) {
    return status.withCondition(
        "VersionsReady", true, "AllReady", "every named version is READY", gen);
  }

  ModelActivationStatus activated(
      ModelActivation ma,
      ModelActivationStatus status,
      long gen,
      AliasActivator.Activation activation) {
    Alias alias = activation.alias();
    backoff.reset(ma.getMetadata().getUid());
    clock.active(ma.getMetadata().getUid());
    String message =
        "alias "
            + alias.alias()
            + " of "
            + ma.getSpec().model()
            + " points at "
            + alias.pointers()
            + " (generation "
            + alias.generation()
            + ")";
    if (activation.changed()) {
      events.normal(ma, "Activated", message);
    }
    String at =
        activation.changed() || status.activatedAt() == null
            ? timestamp(alias.updatedAt())
            : status.activatedAt();
    return status
        .withPhase(ModelActivationPhase.ACTIVE, gen)
        .withActivation(alias.pointers(), activation.previous(), alias.generation(), at)
        .withCondition("Activated", true, "AliasSet", message, gen)
        .withCondition("Ready", true, "AliasSet", message, gen);
  }

  UpdateControl<ModelActivation> serving(
      ModelActivation ma, ModelActivationStatus status, long gen, ModelStatus.Serving serving) {
    int instances = serving == null ? 0 : serving.instances();
    int onTarget = serving == null ? 0 : serving.onTarget();
    String counts = onTarget + "/" + instances + " live instances serve the active versions";
    ModelActivationStatus next = status.withServing(ServingCount.of(instances, onTarget));
    if (instances == 0) {
      next =
          next.withCondition("Serving", false, "NoInstances", "no live instance reports it", gen);
    } else if (onTarget == instances) {
      clock.serving(ma.getMetadata().getUid());
      next = next.withCondition("Serving", true, "AllInstancesOnTarget", counts, gen);
    } else {
      next = next.withCondition("Serving", false, "InstancesConverging", counts, gen);
    }
    return patch(ma, next, ModelActivationPhase.ACTIVE.wire(), "alias set; " + counts);
  }

  /** The registry is down or busy: retried with backoff; an Active resource stays Active. */
  UpdateControl<ModelActivation> registryUnavailable(
      ModelActivation ma, ModelActivationStatus status, long gen, RegistryFailure failure) {
    metrics.failed(ModelActivationReconciler.KIND, failure.code());
    var delay = backoff.next(ma.getMetadata().getUid());
    if (ModelActivationPhase.ACTIVE.of(status)
        && Objects.equals(status.observedGeneration(), gen)) {
      return UpdateControl.<ModelActivation>noUpdate().rescheduleAfter(delay);
    }
    String message = "retrying: " + failure.message();
    return patch(
            ma,
            status
                .withPhase(ModelActivationPhase.ACTIVATING, gen)
                .withCondition("Activated", false, failure.code(), message, gen),
            failure.code(),
            message)
        .rescheduleAfter(delay);
  }

  void released(ModelActivation ma) {
    events.normal(
        ma, "Released", "managed_by released; alias " + ma.getSpec().aliasOrDefault() + " kept");
  }

  void releaseRefused(ModelActivation ma, RegistryFailure failure) {
    events.warning(ma, "ReleaseFailed", failure.message());
  }

  /** Patches the status when it changed; records an Event when the phase changes. */
  private UpdateControl<ModelActivation> patch(
      ModelActivation ma, ModelActivationStatus next, String reason, String message) {
    ModelActivationStatus before = ma.getStatus();
    if (next.equals(before)) {
      return UpdateControl.noUpdate();
    }
    String phaseBefore = before == null ? null : before.phase();
    if (!Objects.equals(phaseBefore, next.phase())) {
      if (ModelActivationPhase.FAILED.of(next) || ModelActivationPhase.CONFLICT.of(next)) {
        events.warning(ma, reason, message);
      } else {
        events.normal(ma, next.phase(), message);
      }
    }
    ma.setStatus(next);
    return UpdateControl.patchStatus(ma);
  }

  private static String timestamp(Instant at) {
    return (at == null ? Instant.now() : at).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
