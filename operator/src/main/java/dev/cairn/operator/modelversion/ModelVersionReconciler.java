package dev.cairn.operator.modelversion;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionSignature;
import dev.cairn.client.retry.Backoff;
import dev.cairn.operator.kube.KubeEvents;
import dev.cairn.operator.metrics.OperatorMetrics;
import dev.cairn.operator.registry.RegistryEventRelay;
import dev.cairn.operator.registry.RegistryFailure;
import dev.cairn.signing.SignatureRefusal;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Reconciles a ModelVersion (spec 30-operator): fetches every file through SHA-256 and compares it
 * with the pinned digest ({@link SourceCheck}), verifies {@code spec.signature} when given ({@link
 * SignatureGate}), registers the version as references, waits for READY and attaches the signature.
 * Once {@code Verified} the spec is frozen ({@code SpecImmutable}). The finalizer {@value
 * #FINALIZER} archives the registry version on deletion, and holds the deletion while an alias
 * points at it.
 */
@ControllerConfiguration(name = "modelversion", finalizerName = ModelVersionReconciler.FINALIZER)
public final class ModelVersionReconciler
    implements Reconciler<ModelVersion>, Cleaner<ModelVersion> {

  public static final String FINALIZER = "cairn.dev/archive";
  static final String KIND = "ModelVersion";
  static final String SIGNED = "Signed";
  private static final String SIGNATURE_CODES = "SIGNATURE_";

  private final CairnClient registry;
  private final VersionRegistration registration;
  private final VersionArchiver archiver;
  private final SourceCheck sourceCheck;
  private final SignatureGate signatures;
  private final RegistryEventRelay relay;
  private final ModelVersionOutcomes outcomes;
  private final Backoff.PerKey backoff;
  private final OperatorMetrics metrics;
  private final SimpleInboundEventSource<ModelVersion> registryEvents =
      new SimpleInboundEventSource<>("registry-events");

  public ModelVersionReconciler(
      CairnClient registry,
      SourceFetcher fetcher,
      RegistryEventRelay relay,
      KubeEvents events,
      OperatorMetrics metrics,
      Backoff.PerKey backoff) {
    this.registry = registry;
    this.registration = new VersionRegistration(registry);
    this.signatures = new SignatureGate(registry, fetcher);
    this.sourceCheck = new SourceCheck(fetcher, signatures);
    this.relay = relay;
    this.backoff = backoff;
    this.metrics = metrics;
    this.outcomes = new ModelVersionOutcomes(events, metrics, backoff);
    this.archiver = new VersionArchiver(registry, events, backoff);
  }

  @Override
  public List<EventSource<?, ModelVersion>> prepareEventSources(
      EventSourceContext<ModelVersion> context) {
    // An alias moving away lets a blocked deletion go on; a version turning READY ends waiting.
    relay.wake(
        context.getPrimaryCache(),
        registryEvents,
        mv -> mv.getSpec().projectOr(mv.getMetadata().getNamespace()),
        mv -> mv.getSpec().model(),
        mv -> !isSettled(mv));
    return List.of(registryEvents);
  }

  private static boolean isSettled(ModelVersion mv) {
    return mv.getMetadata().getDeletionTimestamp() == null
        && mv.getStatus() != null
        && ModelVersionPhase.VERIFIED.of(mv.getStatus());
  }

  @Override
  public UpdateControl<ModelVersion> reconcile(ModelVersion mv, Context<ModelVersion> context) {
    metrics.reconciled(KIND);
    ModelVersionSpec spec = mv.getSpec();
    String project = spec.projectOr(mv.getMetadata().getNamespace());
    relay.follow(project);
    long generation = mv.getMetadata().getGeneration();
    ModelVersionStatus status =
        mv.getStatus() == null ? ModelVersionStatus.initial() : mv.getStatus();

    if (ModelVersionPhase.VERIFIED.of(status)) {
      return outcomes.keepVerified(mv, status, generation, refreshed(project, spec));
    }
    if (outcomes.isFinalFailure(status, generation)) {
      return UpdateControl.noUpdate();
    }
    if (!Objects.equals(status.observedGeneration(), generation)
        || !ModelVersionPhase.VERIFYING.of(status)) {
      // Say so before the (possibly long) fetch; the next pass does the work.
      return outcomes.verifying(mv, status, generation);
    }

    String invalid = SignatureGate.specProblem(spec);
    if (invalid != null) {
      return outcomes.failed(mv, status, generation, SIGNED, "InvalidSpec", invalid);
    }

    SourceCheck.Result sources;
    try {
      sources = sourceCheck.run(mv, context.getClient());
    } catch (IOException | SourceCheck.SourceCredentialsException e) {
      return outcomes.sourceUnavailable(mv, status, generation, e.getMessage());
    }
    Map<String, SourceDigest> verified = sources.verified();
    List<String> mismatches = sources.mismatches();
    byte[] bundle = sources.bundle();
    if (!mismatches.isEmpty()) {
      return outcomes.checksumMismatch(mv, status, generation, String.join("; ", mismatches));
    }
    status =
        status.withCondition(
            "ChecksumVerified",
            true,
            "Matched",
            verified.size() + " file(s) match their pinned SHA-256",
            generation);
    try {
      SignatureGate.Signed signed = null;
      if (bundle != null) {
        Map<String, String> digests = new LinkedHashMap<>();
        verified.forEach((path, digest) -> digests.put(path, digest.sha256()));
        signed = signatures.verify(project, bundle, digests);
      }
      Version version = registration.register(project, spec, modelVariants(mv, context), verified);
      VersionSignature attached = null;
      if (signed != null && Version.State.READY.is(version.state())) {
        attached = registry.signatures().attach(project, spec.model(), spec.version(), bundle);
      }
      return outcomes.registered(mv, status, generation, version, signed, attached);
    } catch (SignatureRefusal refusal) {
      return outcomes.signatureRefused(
          mv,
          status,
          generation,
          refusal.code().name(),
          SignatureRefusalText.of(spec.signature(), refusal, verified.keySet()));
    } catch (VersionRegistration.VersionConflictException e) {
      return outcomes.failed(
          mv, status, generation, "Registered", "VersionConflict", e.getMessage());
    } catch (RuntimeException e) {
      RegistryFailure failure = RegistryFailure.from(e);
      if (failure.code() != null && failure.code().startsWith(SIGNATURE_CODES)) {
        // The registry refused the bundle on attach (trust changed meanwhile, or other bytes
        // were attached first): the version stays registered, unsigned by this resource.
        return outcomes.signatureRefused(
            mv, status, generation, failure.code().replaceFirst(":.*", ""), failure.message());
      }
      boolean retry =
          failure.isTransient()
              || VersionRegistration.REFERENCE_FETCH_FAILED.equals(failure.code());
      return retry
          ? outcomes.registryUnavailable(mv, status, generation, failure)
          : outcomes.failed(
              mv, status, generation, "Registered", failure.code(), failure.message());
    }
  }

  @Override
  public DeleteControl cleanup(ModelVersion mv, Context<ModelVersion> context) {
    metrics.reconciled(KIND);
    return archiver.archive(mv, context.getClient());
  }

  /** What the registry says about the version now, or null when it cannot be asked. */
  private Version refreshed(String project, ModelVersionSpec spec) {
    try {
      return registry.versions().get(project, spec.model(), spec.version());
    } catch (RuntimeException e) {
      RegistryFailure.from(e);
      return null;
    }
  }

  /**
   * Variants for a model the operator creates: the resource's {@code modelVariants}, else the
   * variants of every ModelVersion of that model in the namespace.
   */
  private static List<String> modelVariants(ModelVersion mv, Context<ModelVersion> context) {
    List<String> declared = mv.getSpec().modelVariants();
    if (declared != null && !declared.isEmpty()) {
      return declared;
    }
    TreeSet<String> variants = new TreeSet<>();
    variants.add(mv.getSpec().variantOrDefault());
    context
        .getPrimaryCache()
        .list(
            mv.getMetadata().getNamespace(),
            other -> mv.getSpec().model().equals(other.getSpec().model()))
        .forEach(other -> variants.add(other.getSpec().variantOrDefault()));
    return List.copyOf(variants);
  }
}
