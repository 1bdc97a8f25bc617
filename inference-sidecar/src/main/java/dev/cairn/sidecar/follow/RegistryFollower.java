package dev.cairn.sidecar.follow;

import dev.cairn.client.EventSubscriber;
import dev.cairn.client.model.RegistryEvent;
import dev.cairn.sidecar.serving.ModelManager;
import dev.cairn.sidecar.serving.TargetResolver;
import dev.cairn.sidecar.serving.TargetSet;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the manager's target current: the model's SSE stream (resumed with {@code Last-Event-ID} by
 * {@link EventSubscriber}) triggers a re-resolve on {@code alias.updated} for our alias and on
 * {@code reset}; a re-resolve also runs every period as a safety net. A failed resolve marks the
 * registry unreachable and retries with backoff (0.5 s doubling to 30 s, with jitter). Resolves run
 * one at a time and coalesce.
 */
public final class RegistryFollower implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(RegistryFollower.class.getName());

  private final TargetResolver resolver;
  private final ModelManager manager;
  private final URI registry;
  private final String token;
  private final String project;
  private final String model;
  private final String alias;
  private final Duration period;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("cairn-resolve").unstarted(r));
  private final AtomicBoolean pending = new AtomicBoolean();
  private final AtomicReference<RegistryEvent> latestAliasEvent = new AtomicReference<>();
  private volatile boolean reachable;
  private volatile long lastEventAtNanos;
  private long backoffMs = 500;
  private EventSubscriber subscriber;

  public RegistryFollower(
      TargetResolver resolver,
      ModelManager manager,
      URI registry,
      String token,
      String project,
      String model,
      String alias,
      Duration period) {
    this.resolver = resolver;
    this.manager = manager;
    this.registry = registry;
    this.token = token;
    this.project = project;
    this.model = model;
    this.alias = alias;
    this.period = period;
  }

  /** Subscribes, then resolves (an event between the two only causes one more resolve). */
  public void start() {
    subscriber = EventSubscriber.start(registry, token, project, List.of(model), -1, this::onEvent);
    scheduler.scheduleWithFixedDelay(
        this::requestResolve, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Resolves now on the caller's thread; false when the registry could not be reached. */
  public boolean resolveOnce() {
    try {
      TargetSet target = resolver.resolve();
      reachable = true;
      manager.offer(target, false);
      return true;
    } catch (RuntimeException e) {
      reachable = false;
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
      manager.offer(resolver.resolve(event.data().path("generation").asLong(), pointers), false);
      reachable = true;
      return true;
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "resolve from event failed: " + e.getMessage());
      return false;
    }
  }

  public boolean reachable() {
    return reachable;
  }

  public long lastEventId() {
    return subscriber == null ? -1 : subscriber.lastEventId();
  }

  /** When the last alias event arrived (System.nanoTime), for the event-to-swap metric. */
  public long lastEventAtNanos() {
    return lastEventAtNanos;
  }

  public void requestResolve() {
    if (pending.compareAndSet(false, true)) {
      scheduler.execute(this::resolveAndRetry);
    }
  }

  private void onEvent(RegistryEvent event) {
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
    if (subscriber != null) {
      subscriber.close();
    }
    scheduler.shutdownNow();
  }
}
