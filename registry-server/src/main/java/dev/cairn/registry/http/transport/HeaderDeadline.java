package dev.cairn.registry.http.transport;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * A deadline for request headers (spec 40-security: slowloris): once a request line has arrived,
 * its headers must follow within {@link #DEADLINE}, or the connection's thread is interrupted,
 * which closes its socket (virtual-thread socket reads are interruptible). Helidon 4.1 sets no read
 * timeout on server sockets, so one byte every two seconds would otherwise hold a connection for
 * ever. A slow request line is the idle timeout's business: Helidon closes connections that wait
 * for a request line longer than {@code CAIRN_IDLE_TIMEOUT_SECONDS}.
 */
public final class HeaderDeadline implements Http1ConnectionListener, AutoCloseable {

  static final Duration DEADLINE = Duration.ofSeconds(10);

  private static final Logger LOG = Logger.getLogger(HeaderDeadline.class.getName());
  private static final Duration SWEEP = Duration.ofMillis(500);

  /** Threads reading headers, and when each must be done. */
  private final Map<Thread, Long> reading = new ConcurrentHashMap<>();

  private final Thread sweeper;
  private volatile boolean running = true;

  public HeaderDeadline() {
    sweeper = Thread.ofPlatform().daemon().name("cairn-header-deadline").start(this::sweep);
  }

  @Override
  public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
    reading.put(Thread.currentThread(), System.nanoTime() + DEADLINE.toNanos());
  }

  @Override
  public void headers(ConnectionContext ctx, Headers headers) {
    reading.remove(Thread.currentThread());
  }

  /** Whether the sweeper is running (liveness). */
  public boolean isAlive() {
    return sweeper.isAlive();
  }

  @Override
  public void close() {
    running = false;
    sweeper.interrupt();
  }

  private void sweep() {
    while (running) {
      try {
        Thread.sleep(SWEEP);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      reading.forEach(
          (thread, deadline) -> {
            if (now - deadline > 0 && reading.remove(thread, deadline)) {
              LOG.fine(() -> "closing a connection whose headers took over " + DEADLINE);
              thread.interrupt();
            }
          });
    }
  }
}
