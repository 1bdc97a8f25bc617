package dev.cairn.registry.logging;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The console handler of the registry (spec 40-security, finding 13: an access log that costs a
 * request no more than a queue offer). Request threads format their line and hand it over; one
 * daemon thread writes lines in batches through a buffered writer, and flushes once it finds no
 * line waiting. When the queue is full (the console cannot keep up) lines are dropped and counted
 * ({@link #dropped}, {@code cairn_log_lines_dropped_total}), and the count is written as soon as
 * there is room: the server never waits for its log.
 *
 * <p>The queue takes a line without a lock and without waking the writer: while lines keep coming
 * the writer naps a millisecond between batches, and only a writer that found nothing and went to
 * sleep is woken, by the first line after. With a blocking queue every line took its lock (also
 * taken by the writer) and signalled the waiting writer, one wake-up per line at 50,000 lines a
 * second; that was most of what the access log cost a cached resolve (issue 27 item 7).
 *
 * <p>JUL's own {@code ConsoleHandler} flushes {@code System.err} after every record under a lock,
 * which at 10,000 requests/s serialises every request on the console.
 */
public final class AsyncConsoleHandler extends Handler {

  private static final int DEFAULT_CAPACITY = 65_536;
  private static final int BATCH = 512;

  /** A writer with nothing to write naps this long before looking again (lines still come). */
  private static final long NAP_NANOS = 1_000_000;

  private final Queue<String> lines = new ConcurrentLinkedQueue<>();

  /** Lines queued and not yet taken: what bounds the queue. */
  private final AtomicInteger queued = new AtomicInteger();

  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean closed;

  /** Set by the writer before it sleeps until woken; the next line wakes it. */
  private volatile boolean sleeping;

  private final Thread writer;
  private final int capacity;
  private final Writer out;

  public AsyncConsoleHandler() {
    this(System.err, DEFAULT_CAPACITY);
  }

  /**
   * A handler writing to {@code target}, holding at most {@code capacity} lines not yet written.
   */
  AsyncConsoleHandler(OutputStream target, int capacity) {
    this.capacity = capacity;
    this.out = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8), 1 << 16);
    setFormatter(new JsonLineFormatter());
    writer = Thread.ofPlatform().daemon().name("cairn-log-writer").start(this::drain);
    Runtime.getRuntime().addShutdownHook(new Thread(this::flushRemaining, "cairn-log-flush"));
  }

  /** The console handler the root logger writes through, if it is one. */
  static Optional<AsyncConsoleHandler> ofRootLogger() {
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      if (handler instanceof AsyncConsoleHandler console) {
        return Optional.of(console);
      }
    }
    return Optional.empty();
  }

  /** Whether {@link #close} was called (the logging configuration was reset). */
  boolean isClosed() {
    return closed;
  }

  @Override
  public void publish(LogRecord record) {
    if (!isLoggable(record)) {
      return;
    }
    String line;
    try {
      line = getFormatter().format(record);
    } catch (RuntimeException e) {
      reportError("unformattable log record", e, ErrorManager.FORMAT_FAILURE);
      return;
    }
    offer(line);
  }

  /** Queues a line formatted as {@link JsonLineFormatter} would, newline included. */
  void offer(String line) {
    if (queued.getAndIncrement() >= capacity) {
      queued.decrementAndGet();
      dropped.incrementAndGet();
      return;
    }
    lines.add(line);
    if (sleeping) {
      sleeping = false;
      LockSupport.unpark(writer);
    }
  }

  /** Up to {@code max} queued lines into {@code batch}; how many. */
  private int take(List<String> batch, int max) {
    int taken = 0;
    String line;
    while (taken < max && (line = lines.poll()) != null) {
      batch.add(line);
      taken++;
    }
    queued.addAndGet(-taken);
    return taken;
  }

  /** Lines dropped because the console could not keep up, since start. */
  public long dropped() {
    return dropped.get();
  }

  @Override
  public void flush() {
    flushRemaining();
  }

  @Override
  public void close() {
    closed = true;
    flushRemaining();
  }

  private void drain() {
    List<String> batch = new ArrayList<>(BATCH);
    long reported = 0;
    boolean unflushed = false;
    boolean napped = false;
    while (!Thread.currentThread().isInterrupted()) {
      try {
        int taken = take(batch, BATCH);
        if (taken == 0) {
          if (!napped) {
            // Under load more lines come within the millisecond: batch them without a wake-up.
            LockSupport.parkNanos(NAP_NANOS);
            napped = true;
            continue;
          }
          if (unflushed) {
            synchronized (out) {
              out.flush();
            }
            unflushed = false;
          }
          sleeping = true;
          if (lines.isEmpty()) { // a line queued before the flag was set finds it unset
            LockSupport.parkNanos(1_000_000_000L);
          }
          sleeping = false;
          napped = false;
          continue;
        }
        synchronized (out) {
          for (String line : batch) {
            out.write(line);
          }
          long now = dropped.get();
          if (now > reported) {
            out.write(
                "{\"level\":\"WARNING\",\"logger\":\"cairn.log\",\"message\":\""
                    + (now - reported)
                    + " log lines dropped: the console could not keep up\"}\n");
            reported = now;
          }
        }
        unflushed = true;
        batch.clear();
        napped = taken < BATCH;
        if (napped) {
          LockSupport.parkNanos(NAP_NANOS); // let the next batch gather
        }
      } catch (IOException e) {
        reportError("console write failed", e, ErrorManager.WRITE_FAILURE);
        batch.clear();
      }
    }
  }

  private void flushRemaining() {
    List<String> rest = new ArrayList<>();
    take(rest, Integer.MAX_VALUE);
    synchronized (out) {
      try {
        for (String line : rest) {
          out.write(line);
        }
        out.flush();
      } catch (IOException e) {
        reportError("console flush failed", e, ErrorManager.FLUSH_FAILURE);
      }
    }
  }
}
