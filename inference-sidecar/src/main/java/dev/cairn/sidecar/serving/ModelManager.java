package dev.cairn.sidecar.serving;

import dev.cairn.client.retry.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Owns the serving set and moves it forward. Targets are offered from any thread; one swap thread
 * prepares the newest offered generation beside the serving set and switches one reference, so
 * targets that arrive during a prepare coalesce into the latest. A failed prepare keeps the old
 * set, records the code and is retried with backoff (0.5 s doubling to 30 s, with jitter) unless a
 * newer target comes first.
 */
public final class ModelManager implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ModelManager.class.getName());
  private static final Backoff BACKOFF =
      new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 0.25);

  /** Told about every swap and every failure (the served model: its reports, waiters, metrics). */
  public interface Listener {
    void swapped(ServingSet from, ServingSet to, long prepareNanos);

    void failed(TargetSet target, SwapFailure failure);
  }

  private final SetPreparer loader;
  private volatile Listener listener;
  private final AtomicReference<ServingSet> serving;
  private final Object lock = new Object();
  private final Thread worker;
  private TargetSet wanted;
  private boolean wantedOffline;
  private long retryAt;
  private final Backoff.Sequence failures = BACKOFF.sequence();
  private boolean preparing;
  private volatile SwapFailure lastFailure;
  private volatile boolean running = true;

  public ModelManager(SetPreparer loader, TargetSet initial) {
    this.loader = loader;
    this.serving = new AtomicReference<>(new ServingSet(initial, Map.of(), Instant.now()));
    this.worker = Thread.ofPlatform().daemon().name("cairn-swap").unstarted(this::run);
  }

  /**
   * Starts the swap thread, telling {@code listener} about every swap and failure. The listener is
   * given here rather than to the constructor because it is usually the owner of this manager,
   * which exists only once the manager does.
   */
  public void start(Listener listener) {
    this.listener = listener;
    worker.start();
  }

  /**
   * Asks for {@code target} to be served; older generations than the newest asked are dropped. True
   * when the target serves already and nothing is being prepared, so no swap or failure will follow
   * to tell the listener: the caller knows now that what the alias names is served.
   */
  public boolean offer(TargetSet target, boolean offline) {
    synchronized (lock) {
      if (wanted != null && target.generation() < wanted.generation()) {
        return false;
      }
      wanted = target;
      wantedOffline = offline;
      retryAt = 0;
      lock.notifyAll();
      return !preparing && target.sameVersionsAs(serving.get().target());
    }
  }

  /**
   * Lets go of the serving set (a fleet's least recently used model): it closes once its requests
   * drain, and nothing is loaded again until a target is offered.
   */
  public void unload() {
    ServingSet previous;
    synchronized (lock) {
      wanted = null;
      lastFailure = null;
      TargetSet was = serving.get().target();
      previous =
          serving.getAndSet(
              new ServingSet(
                  TargetSet.none(was.modelVariants(), was.defaultVariant()),
                  Map.of(),
                  Instant.now()));
    }
    previous.retire();
  }

  /** Holds the serving set for one request; release it with {@link ServingSet#release()}. */
  public ServingSet acquire() {
    while (true) {
      ServingSet set = serving.get();
      if (set.tryAcquire()) {
        return set;
      }
    }
  }

  /** The serving set without holding it (status, reports). */
  public ServingSet current() {
    return serving.get();
  }

  /** The failure of the newest offered generation, if it could not be loaded. */
  public SwapFailure lastFailure() {
    return lastFailure;
  }

  /** Whether the newest offered generation is the one serving. */
  public boolean converged() {
    synchronized (lock) {
      return wanted == null || wanted.sameVersionsAs(serving.get().target());
    }
  }

  private void run() {
    while (running) {
      TargetSet target;
      boolean offline;
      synchronized (lock) {
        target = nextTarget();
        if (target == null) {
          continue;
        }
        offline = wantedOffline;
        preparing = true;
      }
      try {
        prepareAndSwap(target, offline);
      } finally {
        synchronized (lock) {
          preparing = false;
        }
      }
    }
  }

  /** Waits (under the lock) until there is something new to load and its retry time has come. */
  private TargetSet nextTarget() {
    try {
      long now = System.currentTimeMillis();
      if (wanted == null || wanted.sameVersionsAs(serving.get().target())) {
        lock.wait(1000);
        return null;
      }
      if (retryAt > now) {
        lock.wait(retryAt - now);
        return null;
      }
      return wanted;
    } catch (InterruptedException e) {
      running = false;
      return null;
    }
  }

  private void prepareAndSwap(TargetSet target, boolean offline) {
    long started = System.nanoTime();
    try {
      ServingSet next = loader.prepare(target, offline);
      ServingSet previous = serving.getAndSet(next);
      synchronized (lock) {
        failures.reset();
        lastFailure = null;
      }
      previous.retire();
      listener.swapped(previous, next, System.nanoTime() - started);
    } catch (SwapFailure failure) {
      LOG.log(
          Level.WARNING,
          "generation " + target.generation() + " not served: " + failure.getMessage());
      synchronized (lock) {
        lastFailure = failure;
        retryAt = System.currentTimeMillis() + failures.next().toMillis();
      }
      listener.failed(target, failure);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "preparing generation " + target.generation() + " broke", e);
      synchronized (lock) {
        retryAt = System.currentTimeMillis() + BACKOFF.max().toMillis();
      }
    }
  }

  @Override
  public void close() {
    running = false;
    worker.interrupt();
    serving.get().retire();
  }
}
