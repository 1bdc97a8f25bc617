package dev.cairn.registry.artifact;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Hard total deadlines for outbound requests. HttpClient's timeouts are per read, so a peer that
 * keeps sending (or sends a byte just inside each timeout) never lets a request end on its own;
 * {@link #arm} cancels the request when its time is up, which closes its socket and makes the
 * blocked read fail at once. One timer thread serves every request of a client.
 */
public final class RequestDeadlines implements AutoCloseable {

  private final ScheduledExecutorService timer;

  public RequestDeadlines(String name) {
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name(name).factory());
  }

  /** Cancels {@code request} after {@code after} unless the returned deadline is closed first. */
  public Armed arm(Cancellable request, Duration after) {
    AtomicBoolean fired = new AtomicBoolean();
    ScheduledFuture<?> task =
        timer.schedule(
            () -> {
              fired.set(true);
              request.cancel();
            },
            after.toNanos(),
            TimeUnit.NANOSECONDS);
    return new Armed(task, fired);
  }

  /** One request's deadline; closing it disarms it. */
  public static final class Armed implements AutoCloseable {
    private final ScheduledFuture<?> task;
    private final AtomicBoolean fired;

    private Armed(ScheduledFuture<?> task, AtomicBoolean fired) {
      this.task = task;
      this.fired = fired;
    }

    /** Whether the deadline passed and the request was cancelled. */
    public boolean fired() {
      return fired.get();
    }

    @Override
    public void close() {
      task.cancel(false);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
