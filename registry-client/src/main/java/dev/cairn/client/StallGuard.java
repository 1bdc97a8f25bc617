package dev.cairn.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A stall timeout for a response body (spec 50, Failure handling): the JDK client's request timeout
 * ends when the headers arrive, so a body that stops sending would block its reader for ever. The
 * guard closes the stream once no byte has arrived for the timeout, which ends a blocked read; the
 * reader then gets a {@link Stalled} naming the timeout.
 */
public final class StallGuard {

  /** The read that ended because nothing arrived for the stall timeout. */
  public static final class Stalled extends IOException {
    Stalled(Duration stall) {
      super("no byte for " + stall.toSeconds() + " s: the connection stalled");
    }
  }

  private static final ScheduledExecutorService WATCH =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("cairn-stall-watch").unstarted(r));

  private StallGuard() {}

  /** {@code in}, closed when it delivers nothing for {@code stall}. */
  public static Watched watch(InputStream in, Duration stall) {
    return new Watched(in, stall);
  }

  /** A watched stream; its timeout can change while it is read (an announced heartbeat). */
  public static final class Watched extends FilterInputStream {

    private volatile Duration stall;
    private final ScheduledFuture<?> check;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean stalled;

    private Watched(InputStream in, Duration stall) {
      super(in);
      this.stall = stall;
      long every = Math.max(50, Math.min(1000, stall.toMillis() / 4));
      this.check = WATCH.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    /** From now on, a stall is {@code newStall} without a byte (checked at least every second). */
    public void stallAfter(Duration newStall) {
      stall = newStall;
      lastProgress = System.nanoTime();
    }

    private void check() {
      if (System.nanoTime() - lastProgress > stall.toNanos()) {
        stalled = true;
        check.cancel(false);
        try {
          in.close();
        } catch (IOException e) {
          // the reader learns of it from its read
        }
      }
    }

    @Override
    public int read() throws IOException {
      try {
        int b = super.read();
        lastProgress = System.nanoTime();
        return b;
      } catch (IOException e) {
        throw stalled ? new Stalled(stall) : e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        int n = super.read(b, off, len);
        lastProgress = System.nanoTime();
        return n;
      } catch (IOException e) {
        throw stalled ? new Stalled(stall) : e;
      }
    }

    @Override
    public void close() throws IOException {
      check.cancel(false);
      super.close();
    }
  }
}
