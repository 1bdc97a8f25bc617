package dev.cairn.operator.modelversion;

import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionSignature;
import dev.cairn.client.retry.Backoff;
import dev.cairn.operator.crd.Conditions;
import dev.cairn.operator.kube.KubeEvents;
import dev.cairn.operator.metrics.OperatorMetrics;
import dev.cairn.operator.registry.RegistryFailure;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Turns what a ModelVersion reconcile found into its status, Kubernetes Events (one per phase
 * change; Warning for failures) and metrics. Every outcome sets {@code Ready}, whose reason tells a
 * final failure of this generation from one that is retried ({@value #SOURCE_UNAVAILABLE}).
 */
final class ModelVersionOutcomes {

  static final String SOURCE_UNAVAILABLE = "SourceUnavailable";

  /**
   * A signature refused as untrusted is retried with backoff: adding a key to the project's trust
   * policy is the fix, and it changes nothing in the resource.
   */
  static final String SIGNATURE_UNTRUSTED = "SIGNATURE_UNTRUSTED";

  /** Ready reasons of a Failed resource that the next pass tries again. */
  private static final Set<String> RETRIED = Set.of(SOURCE_UNAVAILABLE, SIGNATURE_UNTRUSTED);

  private static final Duration REGISTRY_POLL = Duration.ofSeconds(2);

  private final KubeEvents events;
  private final OperatorMetrics metrics;
  private final Backoff.PerKey backoff;

  ModelVersionOutcomes(KubeEvents events, OperatorMetrics metrics, Backoff.PerKey backoff) {
    this.events = events;
    this.metrics = metrics;
    this.backoff = backoff;
  }

  /** Failed for this generation for a reason retrying cannot change. */
  boolean isFinalFailure(ModelVersionStatus status, long generation) {
    return ModelVersionPhase.FAILED.of(status)
        && Objects.equals(status.observedGeneration(), generation)
        && Conditions.find(status.conditions(), "Ready")
            .map(c -> !RETRIED.contains(c.reason()))
            .orElse(true);
  }

  UpdateControl<ModelVersion> verifying(ModelVersion mv, ModelVersionStatus status, long gen) {
    ModelVersionStatus next =
        status
            .withPhase(ModelVersionPhase.VERIFYING, gen)
            .withCondition(
                "Ready",
                false,
                ModelVersionPhase.VERIFYING.wire(),
                "fetching " + mv.getSpec().files().size() + " file(s) and checking their SHA-256",
                gen);
    return patch(
            mv, next, ModelVersionPhase.VERIFYING.wire(), next.conditions().getLast().message())
        .rescheduleAfter(Duration.ofMillis(10));
  }

  UpdateControl<ModelVersion> keepVerified(
      ModelVersion mv, ModelVersionStatus status, long gen, Version registryNow) {
    ModelVersionStatus next = status;
    if (registryNow != null) {
      next =
          next.withRegistry(
              status.digest(),
              status.sizeBytes(),
              new RegistryVersionState(registryNow.version(), registryNow.state()));
    }
    if (!Objects.equals(status.observedGeneration(), gen)) {
      String message =
          "the spec changed (generation "
              + gen
              + ") after the version was verified; the change is ignored. To publish new bytes,"
              + " create a new ModelVersion";
      next =
          next.withPhase(ModelVersionPhase.VERIFIED, gen)
              .withCondition("SpecImmutable", true, "SpecChangedAfterVerified", message, gen);
      events.warning(mv, "SpecImmutable", message);
    }
    return next.equals(status) ? UpdateControl.noUpdate() : patch(mv, next, null, null);
  }

  UpdateControl<ModelVersion> sourceUnavailable(
      ModelVersion mv, ModelVersionStatus status, long gen, String message) {
    metrics.failed(ModelVersionReconciler.KIND, SOURCE_UNAVAILABLE);
    ModelVersionStatus next =
        status
            .withPhase(ModelVersionPhase.FAILED, gen)
            .withCondition("ChecksumVerified", false, SOURCE_UNAVAILABLE, message, gen)
            .withCondition("Ready", false, SOURCE_UNAVAILABLE, message, gen);
    return patch(mv, next, SOURCE_UNAVAILABLE, message)
        .rescheduleAfter(backoff.next(mv.getMetadata().getUid()));
  }

  UpdateControl<ModelVersion> checksumMismatch(
      ModelVersion mv, ModelVersionStatus status, long gen, String message) {
    String text = "checksum mismatch, nothing registered: " + message;
    return failed(
        mv,
        status.withCondition("ChecksumVerified", false, "ChecksumMismatch", text, gen),
        gen,
        "ChecksumVerified",
        "ChecksumMismatch",
        text);
  }

  UpdateControl<ModelVersion> failed(
      ModelVersion mv,
      ModelVersionStatus status,
      long gen,
      String conditionType,
      String reason,
      String message) {
    metrics.failed(ModelVersionReconciler.KIND, reason);
    backoff.reset(mv.getMetadata().getUid());
    ModelVersionStatus next =
        status
            .withPhase(ModelVersionPhase.FAILED, gen)
            .withCondition(conditionType, false, reason, message, gen)
            .withCondition("Ready", false, reason, message, gen);
    return patch(mv, next, reason, message);
  }

  /**
   * The signature was refused, by model-signing before registration or by the registry when it was
   * attached: {@code Signed} and {@code Ready} False with the {@code SIGNATURE_*} code as reason.
   */
  UpdateControl<ModelVersion> signatureRefused(
      ModelVersion mv, ModelVersionStatus status, long gen, String code, String message) {
    UpdateControl<ModelVersion> control =
        failed(mv, status, gen, ModelVersionReconciler.SIGNED, code, message);
    return SIGNATURE_UNTRUSTED.equals(code)
        ? control.rescheduleAfter(backoff.next(mv.getMetadata().getUid()))
        : control;
  }

  /** The registry is down or busy: keep the phase, say why, try again later. */
  UpdateControl<ModelVersion> registryUnavailable(
      ModelVersion mv, ModelVersionStatus status, long gen, RegistryFailure failure) {
    metrics.failed(ModelVersionReconciler.KIND, failure.code());
    ModelVersionStatus next =
        status.withCondition("Registered", false, failure.code(), failure.message(), gen);
    return patch(mv, next, null, null).rescheduleAfter(backoff.next(mv.getMetadata().getUid()));
  }

  UpdateControl<ModelVersion> registered(
      ModelVersion mv,
      ModelVersionStatus status,
      long gen,
      Version version,
      SignatureGate.Signed signed,
      VersionSignature attached) {
    String state = version.state();
    if (Version.State.FAILED.is(state)) {
      String code = version.failure() == null ? "VERSION_FAILED" : version.failure().code();
      String detail = version.failure() == null ? "" : version.failure().detail();
      return failed(
          mv, status, gen, "Registered", code, "the registry failed the version: " + detail);
    }
    ModelVersionStatus next =
        status.withRegistry(
            version.digest(),
            version.sizeBytes(),
            new RegistryVersionState(version.version(), state));
    if (Version.State.PENDING.is(state)) {
      next = next.withCondition("Registered", false, "Pending", "waiting for READY", gen);
      return patch(mv, next, null, null).rescheduleAfter(REGISTRY_POLL);
    }
    backoff.reset(mv.getMetadata().getUid());
    String message =
        version.model() + ":" + version.version() + " is " + state + " in the registry";
    next = signedCondition(next, gen, signed, attached);
    next =
        next.withPhase(ModelVersionPhase.VERIFIED, gen)
            .withCondition("Registered", true, "Ready", message, gen)
            .withCondition("Ready", true, ModelVersionPhase.VERIFIED.wire(), message, gen);
    return patch(mv, next, ModelVersionPhase.VERIFIED.wire(), message);
  }

  /** {@code Signed} True with the signer, or absent when the resource names no signature. */
  private static ModelVersionStatus signedCondition(
      ModelVersionStatus status, long gen, SignatureGate.Signed signed, VersionSignature attached) {
    if (signed == null) {
      return status.withoutCondition(ModelVersionReconciler.SIGNED);
    }
    String signer =
        attached != null && attached.signer() != null
            ? attached.signer()
            : signed.signature().signer();
    String message =
        "signed by "
            + signer
            + " (method "
            + signed.signature().method().wireName()
            + signed.signature().trustedAs().map(name -> ", trusted as " + name).orElse("")
            + "); the registry holds the bundle";
    return status.withCondition(ModelVersionReconciler.SIGNED, true, "Trusted", message, gen);
  }

  /** Patches the status; records an Event when the phase changes. */
  private UpdateControl<ModelVersion> patch(
      ModelVersion mv, ModelVersionStatus next, String reason, String message) {
    String before = mv.getStatus() == null ? null : mv.getStatus().phase();
    if (!Objects.equals(before, next.phase()) && reason != null) {
      if (ModelVersionPhase.FAILED.of(next)) {
        events.warning(mv, reason, message);
      } else {
        events.normal(mv, reason, message);
      }
    }
    mv.setStatus(next);
    return UpdateControl.patchStatus(mv);
  }
}
