package dev.cairn.registry.logging;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The console handler of the registry (spec 40-security, finding 13: an access log that costs a
 * request no more than a queue offer). Request threads format their line and hand it over; one
 * daemon thread writes lines in batches through a buffered writer and flushes once no line has come
 * for 20 ms. When the queue is full (the console cannot keep up) lines are dropped and counted, and
 * the count is written as soon as there is room: the server never waits for its log.
 *
 * <p>JUL's own {@code ConsoleHandler} flushes {@code System.err} after every record under a lock,
 * which at 10,000 requests/s serialises every request on the console.
 */
public final class AsyncConsoleHandler extends Handler {

  private static final int CAPACITY = 65_536;
  private static final int BATCH = 512;

  private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean closed;
  private final Writer out =
      new BufferedWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), 1 << 16);

  public AsyncConsoleHandler() {
    setFormatter(new JsonLineFormatter());
    Thread.ofPlatform().daemon().name("cairn-log-writer").start(this::drain);
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
    if (!lines.offer(line)) {
      dropped.incrementAndGet();
    }
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
    while (true) {
      try {
        // Lines keep arriving under load: wait briefly for more before flushing, so the console
        // sees one write per 64 KiB buffer or per quiet 20 ms, not one per line.
        String first = lines.poll(unflushed ? 20 : 1000, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (unflushed) {
            synchronized (out) {
              out.flush();
            }
            unflushed = false;
          }
          continue;
        }
        batch.add(first);
        lines.drainTo(batch, BATCH - 1);
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
      } catch (InterruptedException e) {
        return;
      } catch (IOException e) {
        reportError("console write failed", e, ErrorManager.WRITE_FAILURE);
        batch.clear();
      }
    }
  }

  private void flushRemaining() {
    List<String> rest = new ArrayList<>();
    lines.drainTo(rest);
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
