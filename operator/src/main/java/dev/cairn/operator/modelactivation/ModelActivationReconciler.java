package dev.cairn.operator.modelactivation;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ModelStatus;
import dev.cairn.client.retry.Backoff;
import dev.cairn.operator.kube.KubeEvents;
import dev.cairn.operator.metrics.OperatorMetrics;
import dev.cairn.operator.modelversion.ModelVersion;
import dev.cairn.operator.registry.RegistryEventRelay;
import dev.cairn.operator.registry.RegistryFailure;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.ResourceCache;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reconciles a ModelActivation (spec 30-operator): checks that every named version is READY (and
 * its ModelVersion, if any, {@code Verified}), lets only the oldest resource per alias act, sets
 * the alias as its managed owner, and follows the registry's instance reports into {@code
 * status.serving}. Registry events and ModelVersion changes wake it; a periodic resync covers the
 * rest. The finalizer {@value #FINALIZER} releases {@code managed_by} and keeps the pointers.
 */
@ControllerConfiguration(
    name = "modelactivation",
    finalizerName = ModelActivationReconciler.FINALIZER)
public final class ModelActivationReconciler
    implements Reconciler<ModelActivation>, Cleaner<ModelActivation> {

  public static final String FINALIZER = "cairn.dev/release";
  static final String KIND = "ModelActivation";

  private final CairnClient registry;
  private final RegistryEventRelay relay;
  private final OperatorMetrics metrics;
  private final Backoff.PerKey backoff;
  private final VersionReadiness readiness;
  private final AliasActivator activator;
  private final ActivationClock clock;
  private final ModelActivationOutcomes outcomes;
  private final SimpleInboundEventSource<ModelActivation> wakeUps =
      new SimpleInboundEventSource<>("registry-events");
  private InformerEventSource<ModelVersion, ModelActivation> modelVersions;

  public ModelActivationReconciler(
      CairnClient registry,
      RegistryEventRelay relay,
      KubeEvents events,
      OperatorMetrics metrics,
      Backoff.PerKey backoff) {
    this.registry = registry;
    this.relay = relay;
    this.metrics = metrics;
    this.backoff = backoff;
    this.readiness = new VersionReadiness(registry);
    this.activator = new AliasActivator(registry);
    this.clock = new ActivationClock(metrics);
    this.outcomes = new ModelActivationOutcomes(events, metrics, backoff, clock);
  }

  @Override
  public List<EventSource<?, ModelActivation>> prepareEventSources(
      EventSourceContext<ModelActivation> context) {
    var activations = context.getPrimaryCache();
    relay.wake(
        activations,
        wakeUps,
        ma -> ma.getSpec().projectOr(ma.getMetadata().getNamespace()),
        ma -> ma.getSpec().model(),
        ma -> true);
    var config =
        InformerEventSourceConfiguration.from(ModelVersion.class, ModelActivation.class)
            .withName("modelversions")
            .withNamespacesInheritedFromController()
            .withSecondaryToPrimaryMapper(
                mv ->
                    activations
                        .list(
                            mv.getMetadata().getNamespace(),
                            ma -> ma.getSpec().model().equals(mv.getSpec().model()))
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .build();
    modelVersions = new InformerEventSource<>(config, context);
    return List.of(wakeUps, modelVersions);
  }

  @Override
  public UpdateControl<ModelActivation> reconcile(
      ModelActivation ma, Context<ModelActivation> context) {
    metrics.reconciled(KIND);
    var spec = ma.getSpec();
    String project = spec.projectOr(ma.getMetadata().getNamespace());
    long generation = ma.getMetadata().getGeneration();
    clock.seen(ma.getMetadata().getUid(), generation);
    ModelActivationStatus status =
        ma.getStatus() == null ? ModelActivationStatus.initial() : ma.getStatus();

    Optional<ModelActivation> owner = ActivationConflicts.owner(ma, context.getPrimaryCache());
    if (owner.isPresent()) {
      return outcomes.conflict(ma, status, generation, owner.get());
    }
    ActivationTarget target;
    try {
      target = ActivationTarget.of(spec);
    } catch (IllegalArgumentException e) {
      return outcomes.failed(ma, status, generation, "InvalidSpec", e.getMessage());
    }
    relay.follow(project);
    try {
      List<String> missing = readiness.missing(ma, project, target, modelVersions);
      if (!missing.isEmpty()) {
        return outcomes.versionsNotReady(ma, status, generation, missing);
      }
      status = outcomes.versionsReady(status, generation);
      AliasActivator.Activation activation = activator.activate(ma, project, target);
      status = outcomes.activated(ma, status, generation, activation);
      ModelStatus serving = registry.models().status(project, spec.model(), spec.aliasOrDefault());
      return outcomes.serving(ma, status, generation, serving.serving());
    } catch (RuntimeException e) {
      RegistryFailure failure = RegistryFailure.from(e);
      if (failure.isTransient()) {
        return outcomes.registryUnavailable(ma, status, generation, failure);
      }
      if (failure.code() != null && failure.code().startsWith("SIGNATURE_")) {
        return outcomes.signatureRefused(ma, status, generation, failure.code(), failure.message());
      }
      return outcomes.failed(ma, status, generation, failure.code(), failure.message());
    }
  }

  @Override
  public DeleteControl cleanup(ModelActivation ma, Context<ModelActivation> context) {
    metrics.reconciled(KIND);
    String uid = ma.getMetadata().getUid();
    boolean owned =
        ma.getStatus() != null
            && ma.getStatus().aliasGeneration() != null
            && !ModelActivationPhase.CONFLICT.of(ma.getStatus());
    if (owned) {
      try {
        if (activator.release(ma, ma.getSpec().projectOr(ma.getMetadata().getNamespace()))) {
          outcomes.released(ma);
        }
      } catch (RuntimeException e) {
        RegistryFailure failure = RegistryFailure.from(e);
        if (failure.isTransient()) {
          return DeleteControl.noFinalizerRemoval().rescheduleAfter(backoff.next(uid));
        }
        outcomes.releaseRefused(ma, failure);
      }
    }
    backoff.reset(uid);
    clock.forget(uid);
    wakeOthers(ma, context.getPrimaryCache());
    return DeleteControl.defaultDelete();
  }

  /** The next-oldest resource for the same alias may take over now. */
  private void wakeOthers(ModelActivation ma, ResourceCache<ModelActivation> cache) {
    ActivationConflicts.sameAlias(ma, cache)
        .filter(other -> !other.getMetadata().getUid().equals(ma.getMetadata().getUid()))
        .forEach(other -> wakeUps.propagateEvent(ResourceID.fromResource(other)));
  }
}
