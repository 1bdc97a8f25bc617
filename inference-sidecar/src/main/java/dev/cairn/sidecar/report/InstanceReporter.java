package dev.cairn.sidecar.report;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.InstanceReport;
import dev.cairn.client.model.LoadedVersion;
import dev.cairn.sidecar.config.ModelRef;
import dev.cairn.sidecar.follow.RegistryHealth;
import dev.cairn.sidecar.serving.ServingSet;
import dev.cairn.sidecar.serving.ServingState;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code PUT …/instances/{id}} every period and whenever {@link #changed()} is called: the loaded
 * versions and digests, the generation, the state and the last error. A report that cannot be sent
 * is sent again at the next tick (the registry keeps the last one until its TTL ends); its failure
 * shows in {@code /status} ({@link #outcome()}), and a refused token in {@link RegistryHealth}. A
 * model that is not loaded (a fleet's cold model) is not reported.
 */
public final class InstanceReporter implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(InstanceReporter.class.getName());
  private static final int TTL_SECONDS = 30;

  /** What the report says right now; {@code send} false skips this tick (nothing loaded). */
  public record Snapshot(ServingSet set, ServingState state, String lastError, boolean send) {}

  /** How the last reports went, for {@code /status}. */
  public record Outcome(Instant lastAttemptAt, Instant lastSuccessAt, String lastError) {}

  private final CairnClient client;
  private final ModelRef ref;
  private final String instanceId;
  private final Duration period;
  private final RegistryHealth health;
  private final ScheduledExecutorService scheduler;
  private volatile Supplier<Snapshot> snapshot;
  private ScheduledFuture<?> periodic;
  private volatile Outcome outcome = new Outcome(null, null, null);

  public InstanceReporter(
      CairnClient client,
      ModelRef ref,
      String instanceId,
      Duration period,
      RegistryHealth health,
      ScheduledExecutorService scheduler) {
    this.client = client;
    this.ref = ref;
    this.instanceId = instanceId;
    this.period = period;
    this.health = health;
    this.scheduler = scheduler;
  }

  /**
   * Starts reporting what {@code snapshot} says, the first time after {@code first} (a fleet
   * spreads its models' reports over the period). The snapshot comes from the model that owns this
   * reporter, so it is given once that model exists.
   */
  public void start(Duration first, Supplier<Snapshot> snapshot) {
    this.snapshot = snapshot;
    periodic =
        scheduler.scheduleWithFixedDelay(
            this::report, first.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Sends a report soon (a swap, a failure, a change of state). */
  public void changed() {
    scheduler.execute(this::report);
  }

  public Outcome outcome() {
    return outcome;
  }

  private void report() {
    Snapshot now = snapshot.get();
    if (!now.send()) {
      return;
    }
    Map<String, LoadedVersion> loaded = new LinkedHashMap<>();
    now.set()
        .variants()
        .forEach(
            (variant, served) ->
                loaded.put(
                    variant,
                    new LoadedVersion(
                        served.version(),
                        served.digest(),
                        now.set().loadedAt(),
                        served.signature())));
    try {
      client
          .instances()
          .report(
              ref.project(),
              instanceId,
              new InstanceReport(
                  ref.model(),
                  ref.alias(),
                  now.set().generation(),
                  loaded,
                  now.state().wire(),
                  now.lastError(),
                  System.getenv("HOSTNAME"),
                  System.getenv("NODE_NAME"),
                  TTL_SECONDS));
      health.accepted();
      outcome = new Outcome(Instant.now(), Instant.now(), null);
    } catch (RuntimeException e) {
      health.failed(e);
      outcome = new Outcome(Instant.now(), outcome.lastSuccessAt(), e.getMessage());
      LOG.log(Level.FINE, "instance report not sent: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    if (periodic != null) {
      periodic.cancel(false);
    }
  }
}
