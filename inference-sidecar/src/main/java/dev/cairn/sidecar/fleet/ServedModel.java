package dev.cairn.sidecar.fleet;

import dev.cairn.sidecar.follow.RegistryFollower;
import dev.cairn.sidecar.report.InstanceReporter;
import dev.cairn.sidecar.serving.LastGoodState;
import dev.cairn.sidecar.serving.ModelManager;
import dev.cairn.sidecar.serving.ServingSet;
import dev.cairn.sidecar.serving.SwapFailure;
import dev.cairn.sidecar.serving.TargetSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * One model a sidecar serves, with every guarantee of spec 50 on its own: its follower resolves the
 * alias, its manager prepares each generation beside the serving one and swaps, its reporter tells
 * the registry, and its last good set is kept for an offline start. A fleet's model may be cold
 * (not loaded until its first request) or unloaded again (least recently used); then it is neither
 * resolved nor reported.
 */
public final class ServedModel implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ServedModel.class.getName());

  private final String name;
  private volatile Map<String, String> labels;
  private final ModelManager manager;
  private final RegistryFollower follower;
  private final InstanceReporter reporter;
  private final LastGoodState lastGood;
  private volatile boolean wanted;
  private volatile boolean served;
  private volatile long lastUsedNanos = System.nanoTime();

  ServedModel(
      String name,
      Map<String, String> labels,
      ModelManager manager,
      RegistryFollower follower,
      InstanceReporter reporter,
      LastGoodState lastGood) {
    this.name = name;
    this.labels = labels;
    this.manager = manager;
    this.follower = follower;
    this.reporter = reporter;
    this.lastGood = lastGood;
  }

  public String name() {
    return name;
  }

  public Map<String, String> labels() {
    return labels;
  }

  void relabel(Map<String, String> newLabels) {
    labels = newLabels;
  }

  public ModelManager manager() {
    return manager;
  }

  RegistryFollower follower() {
    return follower;
  }

  /** How the last instance reports of this model went (shown in {@code /status}). */
  public record LastReport(
      java.time.Instant lastAttemptAt, java.time.Instant lastSuccessAt, String lastError) {}

  public LastReport lastReport() {
    InstanceReporter.Outcome outcome = reporter.outcome();
    return new LastReport(outcome.lastAttemptAt(), outcome.lastSuccessAt(), outcome.lastError());
  }

  /** Whether the model is meant to be loaded (preloaded, asked for, not unloaded since). */
  public boolean wanted() {
    return wanted;
  }

  /** Starts the swap thread, the periodic resolve, and reports after {@code firstReport}. */
  void start(Duration firstReport) {
    manager.start();
    follower.start();
    reporter.start(firstReport);
  }

  /**
   * Loads the model now: resolves on this thread, or, when that fails (the registry unreachable,
   * the project or model not there yet), serves the last good set from the cache. False when there
   * is nothing to serve yet; the log says why.
   */
  boolean load() {
    wanted = true;
    if (follower.resolveOnce()) {
      if (manager.converged()) {
        served = true; // nothing to load (no alias yet), or it loaded already
      }
      return true;
    }
    String why = follower.lastFailure().orElse("registry unreachable");
    var cached = lastGood.load();
    cached.ifPresentOrElse(
        target -> {
          LOG.info(name + ": " + why + "; serving the last good set from the cache");
          manager.offer(target, true);
        },
        () -> LOG.warning(name + ": " + why + " and no cached set: nothing to serve yet"));
    follower.requestResolve();
    return false;
  }

  /**
   * Marks the model used; a cold or unloaded one starts loading (in the background) and true says
   * the caller should wait for it.
   */
  boolean use() {
    lastUsedNanos = System.nanoTime();
    if (wanted) {
      return false;
    }
    wanted = true;
    follower.requestResolve();
    return true;
  }

  /**
   * Waits until what a resolve after {@code since} named is served (nothing, when the alias points
   * nowhere), or it failed; false when {@code timeout} ends first.
   */
  boolean awaitServing(Duration timeout, long since) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      boolean resolved = follower.lastResolvedNanos() - since > 0;
      if (manager.lastFailure() != null || (resolved && manager.converged())) {
        return true;
      }
      TimeUnit.MILLISECONDS.sleep(10);
    }
    return false;
  }

  /** Lets go of the loaded set (it closes when its requests end); the bytes stay cached. */
  void unload() {
    wanted = false;
    manager.unload();
    LOG.info(name + ": unloaded (least recently used)");
  }

  long lastUsedNanos() {
    return lastUsedNanos;
  }

  /** Whether a set is loaded now. */
  public boolean loaded() {
    return !manager.current().variants().isEmpty();
  }

  /** Bytes of the loaded set's files (what it costs to keep it loaded). */
  long loadedBytes() {
    return manager.current().target().variants().values().stream()
        .flatMap(v -> v.files().stream())
        .mapToLong(f -> Math.max(0, f.sizeBytes()))
        .sum();
  }

  void swapped(ServingSet to) {
    served = true;
    try {
      lastGood.save(to.target());
    } catch (java.io.IOException e) {
      LOG.warning(name + ": the last good set could not be saved: " + e.getMessage());
    }
    reporter.changed();
  }

  void failed() {
    reporter.changed();
  }

  /**
   * LOADING until a set serves, COLD when not asked for yet (or unloaded), DEGRADED while the
   * registry is unreachable or the newest generation failed, else READY.
   */
  public String state() {
    if (!wanted) {
      return served ? "UNLOADED" : "COLD";
    }
    if (!served) {
      return "LOADING";
    }
    return !follower.reachable() || manager.lastFailure() != null ? "DEGRADED" : "READY";
  }

  /** The code of the newest generation's failure, or null. */
  public String lastError() {
    SwapFailure failure = manager.lastFailure();
    return failure == null ? null : failure.code();
  }

  /** Whether every variant of the model is loaded. */
  public boolean ready() {
    ServingSet set = manager.current();
    return !set.variants().isEmpty()
        && set.variants().keySet().containsAll(set.target().modelVariants());
  }

  /** The target of the serving set (what an offline restart would load). */
  TargetSet target() {
    return manager.current().target();
  }

  @Override
  public void close() {
    reporter.close();
    follower.close();
    manager.close();
  }
}
