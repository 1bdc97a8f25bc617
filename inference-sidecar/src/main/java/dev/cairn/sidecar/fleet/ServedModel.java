package dev.cairn.sidecar.fleet;

import dev.cairn.sidecar.follow.RegistryFollower;
import dev.cairn.sidecar.report.InstanceReporter;
import dev.cairn.sidecar.serving.LastGoodState;
import dev.cairn.sidecar.serving.ModelManager;
import dev.cairn.sidecar.serving.ServingSet;
import dev.cairn.sidecar.serving.ServingState;
import dev.cairn.sidecar.serving.SwapFailure;
import dev.cairn.sidecar.serving.TargetSet;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * One model a sidecar serves, with every guarantee of spec 50 on its own: its follower resolves the
 * alias and offers here, its manager prepares each generation beside the serving one, swaps and
 * tells this model (its listener), its reporter tells the registry, and its last good set is kept
 * for an offline start. A fleet's model may be cold (not loaded until its first request) or
 * unloaded again (least recently used); then it is neither resolved nor reported.
 *
 * <p>One class at about 225 lines on purpose: its follower, manager, reporter and serving lifecycle
 * are already their own classes, and what is left is the one model's load, use and unload, which
 * must read and change the same state.
 */
public final class ServedModel
    implements ModelManager.Listener, RegistryFollower.Followed, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ServedModel.class.getName());

  /** The parts that serve one model, built by {@link ServedModels}. */
  record Parts(
      ModelManager manager,
      RegistryFollower follower,
      InstanceReporter reporter,
      LastGoodState lastGood) {}

  /** How the last instance reports of this model went (shown in {@code /status}). */
  public record LastReport(Instant lastAttemptAt, Instant lastSuccessAt, String lastError) {}

  private final String name;
  private volatile Map<String, String> labels;
  private final Parts parts;
  private final SwapEffects fleet;
  private final FleetHealth health;
  private final ServingLifecycle lifecycle = new ServingLifecycle();
  private volatile long lastUsedNanos = System.nanoTime();

  ServedModel(
      String name, Map<String, String> labels, Parts parts, SwapEffects fleet, FleetHealth health) {
    this.name = name;
    this.labels = labels;
    this.parts = parts;
    this.fleet = fleet;
    this.health = health;
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
    return parts.manager();
  }

  RegistryFollower follower() {
    return parts.follower();
  }

  public LastReport lastReport() {
    InstanceReporter.Outcome outcome = parts.reporter().outcome();
    return new LastReport(outcome.lastAttemptAt(), outcome.lastSuccessAt(), outcome.lastError());
  }

  /** Whether the model is meant to be loaded (preloaded, asked for, not unloaded since). */
  @Override
  public boolean wanted() {
    return lifecycle.state().wanted();
  }

  /**
   * Starts the swap thread, the periodic resolve, and reports after {@code firstReport}; this model
   * is what each of them reports to.
   */
  void start(Duration firstReport) {
    parts.manager().start(this);
    parts.follower().start(this);
    parts.reporter().start(firstReport, () -> health.snapshot(this));
  }

  /**
   * Loads the model now: resolves on this thread, or, when that fails (the registry unreachable,
   * the project or model not there yet), serves the last good set from the cache. False when there
   * is nothing to serve yet; the log says why.
   */
  boolean load() {
    lifecycle.preloaded();
    if (parts.follower().resolveOnce()) {
      return true;
    }
    String why = parts.follower().lastFailure().orElse("registry unreachable");
    Optional<TargetSet> cached = parts.lastGood().load();
    cached.ifPresentOrElse(
        target -> {
          LOG.info(name + ": " + why + "; serving the last good set from the cache");
          offer(target, true);
        },
        () -> LOG.warning(name + ": " + why + " and no cached set: nothing to serve yet"));
    parts.follower().requestResolve();
    return false;
  }

  /**
   * Marks the model used. A cold or unloaded one starts loading in the background; the future is
   * the load the request should wait for (completed at once when there is none).
   */
  CompletableFuture<Void> use() {
    lastUsedNanos = System.nanoTime();
    ServingLifecycle.Wait wait = lifecycle.requested();
    if (wait.startsLoad()) {
      parts.follower().requestResolve();
    }
    return wait.loading();
  }

  /** A request gave up on {@code loading} at its timeout; later ones do not wait for it. */
  void abandon(CompletableFuture<Void> loading) {
    lifecycle.abandon(loading);
  }

  /**
   * A resolved target: the manager loads it (its swap or failure comes back here), or, when it
   * serves already (no alias yet, or nothing new), the model is served now.
   */
  @Override
  public void offer(TargetSet target, boolean offline) {
    if (parts.manager().offer(target, offline)) {
      lifecycle.served();
    }
  }

  @Override
  public void swapped(ServingSet from, ServingSet to, long prepareNanos) {
    try {
      parts.lastGood().save(to.target());
    } catch (IOException e) {
      LOG.warning(name + ": the last good set could not be saved: " + e.getMessage());
    }
    // The fleet's bounds hold before any waiting request goes on with the new set.
    fleet.swapped(this, from, to, prepareNanos, parts.follower().lastEventAtNanos());
    lifecycle.served();
    parts.reporter().changed();
  }

  @Override
  public void failed(TargetSet target, SwapFailure failure) {
    fleet.failed(failure);
    lifecycle.failed(failure);
    parts.reporter().changed();
  }

  /** Lets go of the loaded set (it closes when its requests end); the bytes stay cached. */
  void unload() {
    lifecycle.unloaded();
    parts.manager().unload();
    LOG.info(name + ": unloaded (least recently used)");
  }

  long lastUsedNanos() {
    return lastUsedNanos;
  }

  /** Whether a set is loaded now. */
  public boolean loaded() {
    return !parts.manager().current().variants().isEmpty();
  }

  /** Bytes of the loaded set's files (what it costs to keep it loaded). */
  long loadedBytes() {
    return parts.manager().current().target().variants().values().stream()
        .flatMap(v -> v.files().stream())
        .mapToLong(f -> Math.max(0, f.sizeBytes()))
        .sum();
  }

  /**
   * The model's own state: DEGRADED rather than READY while its registry is unreachable or its
   * newest generation failed ({@link FleetHealth#state} adds what concerns the whole fleet).
   */
  public ServingState state() {
    return lifecycle
        .state()
        .degradedWhen(!parts.follower().reachable() || parts.manager().lastFailure() != null);
  }

  /** The code of the newest generation's failure, or null. */
  public String lastError() {
    SwapFailure failure = parts.manager().lastFailure();
    return failure == null ? null : failure.code();
  }

  /** Whether every variant of the model is loaded. */
  public boolean ready() {
    ServingSet set = parts.manager().current();
    return !set.variants().isEmpty()
        && set.variants().keySet().containsAll(set.target().modelVariants());
  }

  @Override
  public void close() {
    parts.reporter().close();
    parts.follower().close();
    parts.manager().close();
    lifecycle.unloaded();
  }
}
