package dev.cairn.sidecar.report;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.InstanceReport;
import dev.cairn.client.model.LoadedVersion;
import dev.cairn.sidecar.serving.ServingSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code PUT …/instances/{id}} every period and whenever {@link #changed()} is called: the loaded
 * versions and digests, the generation, the state and the last error. A report that cannot be sent
 * is simply sent again at the next tick (the registry keeps the last one until its TTL ends).
 */
public final class InstanceReporter implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(InstanceReporter.class.getName());
  private static final int TTL_SECONDS = 30;

  /** What the report says right now. */
  public record Snapshot(ServingSet set, String state, String lastError) {}

  private final CairnClient client;
  private final String project;
  private final String model;
  private final String alias;
  private final String instanceId;
  private final Supplier<Snapshot> snapshot;
  private final Duration period;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("cairn-report").unstarted(r));

  public InstanceReporter(
      CairnClient client,
      String project,
      String model,
      String alias,
      String instanceId,
      Supplier<Snapshot> snapshot,
      Duration period) {
    this.client = client;
    this.project = project;
    this.model = model;
    this.alias = alias;
    this.instanceId = instanceId;
    this.snapshot = snapshot;
    this.period = period;
  }

  public void start() {
    scheduler.scheduleWithFixedDelay(this::report, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Sends a report soon (a swap, a failure, a change of state). */
  public void changed() {
    scheduler.execute(this::report);
  }

  private void report() {
    Snapshot now = snapshot.get();
    Map<String, LoadedVersion> loaded = new LinkedHashMap<>();
    now.set()
        .variants()
        .forEach(
            (variant, served) ->
                loaded.put(
                    variant,
                    new LoadedVersion(served.version(), served.digest(), now.set().loadedAt())));
    try {
      client
          .instances()
          .report(
              project,
              instanceId,
              new InstanceReport(
                  model,
                  alias,
                  now.set().generation(),
                  loaded,
                  now.state(),
                  now.lastError(),
                  System.getenv("HOSTNAME"),
                  System.getenv("NODE_NAME"),
                  TTL_SECONDS));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "instance report not sent: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
