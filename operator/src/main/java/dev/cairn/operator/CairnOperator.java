package dev.cairn.operator;

import dev.cairn.client.CairnClient;
import dev.cairn.client.retry.Backoff;
import dev.cairn.operator.kube.KubeEvents;
import dev.cairn.operator.metrics.OperatorMetrics;
import dev.cairn.operator.modelactivation.ModelActivationReconciler;
import dev.cairn.operator.modelversion.ModelVersionReconciler;
import dev.cairn.operator.modelversion.SourceFetcher;
import dev.cairn.operator.registry.RegistryEventRelay;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.time.Duration;

/**
 * The operator assembled: both reconcilers on one JOSDK {@link Operator}, status written with plain
 * merge patches (server-side apply off, so it behaves the same on real clusters and the fabric8
 * mock server), leader election on a Lease so only one replica reconciles, and one registry event
 * relay shared by both reconcilers.
 */
public final class CairnOperator implements AutoCloseable {

  private final Operator operator;
  private final RegistryEventRelay relay;
  private final OperatorMetrics metrics;

  private CairnOperator(Operator operator, RegistryEventRelay relay, OperatorMetrics metrics) {
    this.operator = operator;
    this.relay = relay;
    this.metrics = metrics;
  }

  /** Builds and starts the operator; with leader election, reconciling waits for the Lease. */
  public static CairnOperator start(OperatorSettings settings, KubernetesClient kube) {
    OperatorMetrics metrics = new OperatorMetrics();
    CairnClient registry = CairnClient.create(settings.registryUrl(), settings.registryToken());
    RegistryEventRelay relay =
        new RegistryEventRelay(settings.registryUrl(), settings.registryToken());
    KubeEvents events = new KubeEvents(kube);
    // Jitter: resources that failed together (the registry was down) do not all retry at once.
    Backoff.PerKey backoff =
        new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 0.25).perKey();
    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(kube)
                  .withUseSSAToPatchPrimaryResource(false)
                  .withSSABasedCreateUpdateMatchForDependentResources(false)
                  .withCloseClientOnStop(false);
              if (settings.leaderElection()) {
                o.withLeaderElectionConfiguration(
                    new LeaderElectionConfiguration(
                        settings.leaseName(),
                        settings.leaseNamespace(),
                        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
                        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
                        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
                        settings.identity(),
                        null,
                        settings.exitOnLostLease()));
              }
            });
    operator.register(
        new ModelVersionReconciler(
            registry,
            new SourceFetcher(settings.fileRoots()),
            relay,
            events,
            metrics,
            backoff,
            settings.sigstoreTrustedRoot()),
        o -> configure(o, settings));
    operator.register(
        new ModelActivationReconciler(registry, relay, events, metrics, backoff),
        o -> configure(o, settings));
    operator.start();
    return new CairnOperator(operator, relay, metrics);
  }

  private static <R extends HasMetadata> void configure(
      ControllerConfigurationOverrider<R> o, OperatorSettings settings) {
    o.withReconciliationMaxInterval(settings.resync());
    if (settings.watchNamespaces().isEmpty()) {
      o.watchingAllNamespaces();
    } else {
      o.settingNamespaces(settings.watchNamespaces());
    }
  }

  public OperatorMetrics metrics() {
    return metrics;
  }

  /** Started, and every informer connected and synced. */
  public boolean ready() {
    var info = operator.getRuntimeInfo();
    return info.isStarted() && info.allEventSourcesAreHealthy();
  }

  @Override
  public void close() {
    operator.stop();
    relay.close();
  }
}
