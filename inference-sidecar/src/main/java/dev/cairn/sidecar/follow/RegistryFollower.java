package dev.cairn.sidecar.follow;

import dev.cairn.client.model.RegistryEvent;
import dev.cairn.sidecar.serving.TargetResolver;
import dev.cairn.sidecar.serving.TargetSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
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

  private static final Logger LOG = Logger.getLogger(RegistryFollower.class.getName());

  private final TargetResolver resolver;
  private final BiConsumer<TargetSet, Boolean> offer;
  private final BooleanSupplier wanted;
  private final RegistryHealth health;
  private final String alias;
  private final Duration period;
  private final ScheduledExecutorService scheduler;
  private final AtomicBoolean pending = new AtomicBoolean();
  private final AtomicReference<RegistryEvent> latestAliasEvent = new AtomicReference<>();
  private volatile boolean reachable;
  private volatile RuntimeException lastFailure;
  private volatile long lastEventAtNanos;
  private volatile long lastResolvedNanos = System.nanoTime() - 1;
  private long backoffMs = 500;
  private java.util.concurrent.ScheduledFuture<?> periodic;

  public RegistryFollower(
      TargetResolver resolver,
      BiConsumer<TargetSet, Boolean> offer,
      BooleanSupplier wanted,
      RegistryHealth health,
      String alias,
      Duration period,
      ScheduledExecutorService scheduler) {
    this.resolver = resolver;
    this.offer = offer;
    this.wanted = wanted;
    this.health = health;
    this.alias = alias;
    this.period = period;
    this.scheduler = scheduler;
  }

  /** Starts the periodic safety-net resolve. */
  public void start() {
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
      offer.accept(target, false);
      lastResolvedNanos = System.nanoTime();
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
      offer.accept(resolver.resolve(event.data().path("generation").asLong(), pointers), false);
      reachable = true;
      lastResolvedNanos = System.nanoTime();
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
        .map(e -> ResolveFailure.describe(e, resolver.project(), resolver.model()));
  }

  /** When a resolve last succeeded (System.nanoTime). */
  public long lastResolvedNanos() {
    return lastResolvedNanos;
  }

  /** When the last alias event arrived (System.nanoTime), for the event-to-swap metric. */
  public long lastEventAtNanos() {
    return lastEventAtNanos;
  }

  public void requestResolve() {
    if (wanted.getAsBoolean() && pending.compareAndSet(false, true)) {
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
    if (!wanted.getAsBoolean()) {
      return;
    }
    RegistryEvent event = latestAliasEvent.getAndSet(null);
    if (event != null && resolveFrom(event)) {
      backoffMs = 500;
      return;
    }
    if (resolveOnce()) {
      backoffMs = 500;
      return;
    }
    long delay = backoffMs + ThreadLocalRandom.current().nextLong(backoffMs / 4 + 1);
    backoffMs = Math.min(30_000, backoffMs * 2);
    if (pending.compareAndSet(false, true)) {
      scheduler.schedule(this::resolveAndRetry, delay, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void close() {
    if (periodic != null) {
      periodic.cancel(false);
    }
  }
}
