package dev.cairn.sidecar.follow;

import dev.cairn.client.model.RegistryEvent;
import dev.cairn.client.retry.Backoff;
import dev.cairn.sidecar.serving.TargetResolver;
import dev.cairn.sidecar.serving.TargetSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps one model's target current. Events of the model (delivered by the fleet's one stream per
 * project) trigger a re-resolve on {@code alias.updated} for our alias and on {@code reset}; a
 * re-resolve also runs every period as a safety net. A failed resolve marks the registry
 * unreachable and retries with backoff (0.5 s doubling to 30 s, with jitter). Resolves run one at a
 * time and coalesce. A model not {@code wanted} (unloaded, not yet asked for) is not resolved.
 */
public final class RegistryFollower implements AutoCloseable {

  /** The model a follower keeps current: whether it wants resolving, and where targets go. */
  public interface Followed {
    boolean wanted();

    /** A resolved target; {@code offline} when it comes from the cache, not the registry. */
    void offer(TargetSet target, boolean offline);
  }

  private static final Logger LOG = Logger.getLogger(RegistryFollower.class.getName());
  private static final Backoff BACKOFF =
      new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 0.25);

  private final TargetResolver resolver;
  private final RegistryHealth health;
  private final String alias;
  private final Duration period;
  private final ScheduledExecutorService scheduler;
  private final AtomicBoolean pending = new AtomicBoolean();
  private final AtomicReference<RegistryEvent> latestAliasEvent = new AtomicReference<>();
  private volatile boolean reachable;
  private volatile RuntimeException lastFailure;
  private volatile long lastEventAtNanos;
  private volatile Followed followed;
  private final Backoff.Sequence failures = BACKOFF.sequence();
  private ScheduledFuture<?> periodic;

  public RegistryFollower(
      TargetResolver resolver,
      RegistryHealth health,
      Duration period,
      ScheduledExecutorService scheduler) {
    this.resolver = resolver;
    this.health = health;
    this.alias = resolver.ref().alias();
    this.period = period;
    this.scheduler = scheduler;
  }

  /**
   * Starts the periodic safety-net resolve for {@code model}, which is given here rather than to
   * the constructor because the model owns this follower and exists only once it does.
   */
  public void start(Followed model) {
    followed = model;
    periodic =
        scheduler.scheduleWithFixedDelay(
            this::requestResolve, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Resolves now on the caller's thread; false when the registry could not be reached. */
  public boolean resolveOnce() {
    try {
      TargetSet target = resolver.resolve();
      reachable = true;
      lastFailure = null;
      health.accepted();
      followed.offer(target, false);
      return true;
    } catch (RuntimeException e) {
      reachable = false;
      lastFailure = e;
      health.failed(e);
      LOG.log(Level.FINE, "resolve failed: " + e.getMessage());
      return false;
    }
  }

  /** Resolves from the pointers an alias event carries; false when that fails. */
  private boolean resolveFrom(RegistryEvent event) {
    try {
      Map<String, String> pointers = new HashMap<>();
      event
          .data()
          .path("pointers")
          .fields()
          .forEachRemaining(e -> pointers.put(e.getKey(), e.getValue().asText()));
      followed.offer(resolver.resolve(event.data().path("generation").asLong(), pointers), false);
      reachable = true;
      return true;
    } catch (RuntimeException e) {
      health.failed(e);
      LOG.log(Level.FINE, "resolve from event failed: " + e.getMessage());
      return false;
    }
  }

  public boolean reachable() {
    return reachable;
  }

  /** Why the last resolve failed, in words ("project p not found in the registry"). */
  public Optional<String> lastFailure() {
    return Optional.ofNullable(lastFailure)
        .map(e -> ResolveFailure.describe(e, resolver.ref().project(), resolver.ref().model()));
  }

  /** When the last alias event arrived (System.nanoTime), for the event-to-swap metric. */
  public long lastEventAtNanos() {
    return lastEventAtNanos;
  }

  public void requestResolve() {
    if (wanted() && pending.compareAndSet(false, true)) {
      scheduler.execute(this::resolveAndRetry);
    }
  }

  /** An event of this model (or a reset of the whole stream). */
  public void onEvent(RegistryEvent event) {
    boolean ours =
        "alias.updated".equals(event.type()) && alias.equals(event.data().path("alias").asText());
    if (ours) {
      latestAliasEvent.set(event);
    }
    if (ours || "reset".equals(event.type())) {
      lastEventAtNanos = System.nanoTime();
      requestResolve();
    }
  }

  private void resolveAndRetry() {
    pending.set(false);
    if (!wanted()) {
      return;
    }
    RegistryEvent event = latestAliasEvent.getAndSet(null);
    if (event != null && resolveFrom(event)) {
      failures.reset();
      return;
    }
    if (resolveOnce()) {
      failures.reset();
      return;
    }
    long delay = failures.next().toMillis();
    if (pending.compareAndSet(false, true)) {
      scheduler.schedule(this::resolveAndRetry, delay, TimeUnit.MILLISECONDS);
    }
  }

  /** Whether the model wants resolving; nothing does before {@link #start}. */
  private boolean wanted() {
    Followed model = followed;
    return model != null && model.wanted();
  }

  @Override
  public void close() {
    if (periodic != null) {
      periodic.cancel(false);
    }
  }
}
