package dev.cairn.registry.metrics;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A gauge's value read from the database at most once per interval, never on the scraping thread.
 * {@code /metrics} is public: a reading computed at each scrape let anyone who reaches the port
 * turn each request into queries on the pool the API uses (review 12 item 11). {@link #get} answers
 * the last reading at once and, when it is older than the interval and no refresh is under way,
 * starts one in the background; its result is what later scrapes see. So a scrape costs no query,
 * any number of scrapes cost at most one computation per interval, and a registry nobody scrapes
 * computes nothing. The first scrape answers {@code initial} (the refresh it starts fills the
 * next).
 */
public final class CachedReading<T> implements Supplier<T> {

  private static final Logger LOG = Logger.getLogger(CachedReading.class.getName());

  private record Reading<T>(T value, long at) {}

  private final Supplier<T> compute;
  private final long intervalNanos;
  private final LongSupplier clock;
  private final Executor executor;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private volatile Reading<T> last;
  private volatile boolean never = true;

  /** {@code compute} runs on {@code executor}, timed by {@code clock} (nanoseconds). */
  CachedReading(
      Supplier<T> compute, T initial, Duration interval, LongSupplier clock, Executor executor) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("a cached reading needs a positive interval");
    }
    this.compute = compute;
    this.intervalNanos = interval.toNanos();
    this.clock = clock;
    this.executor = executor;
    this.last = new Reading<>(initial, clock.getAsLong());
  }

  /**
   * {@code compute} at most once per {@code interval}, each time on a virtual thread of its own.
   */
  public static <T> CachedReading<T> every(
      Duration interval, T initial, String name, Supplier<T> compute) {
    return new CachedReading<>(
        compute,
        initial,
        interval,
        System::nanoTime,
        work -> Thread.ofVirtual().name(name).start(work));
  }

  /** The last reading; starts a refresh when it is due and none is under way. */
  @Override
  public T get() {
    Reading<T> reading = last;
    boolean due = never || clock.getAsLong() - reading.at() >= intervalNanos;
    if (due && refreshing.compareAndSet(false, true)) {
      try {
        executor.execute(this::refresh);
      } catch (RuntimeException e) {
        refreshing.set(false);
        throw e;
      }
    }
    return reading.value();
  }

  private void refresh() {
    // Stamped when it starts: the interval is between computations, however long one takes; a
    // failed one counts too (the last value stays), so an outage is not retried at every scrape.
    long started = clock.getAsLong();
    T value = last.value();
    try {
      value = compute.get();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a metrics reading failed, the last one stays: " + e);
    } finally {
      last = new Reading<>(value, started);
      never = false;
      refreshing.set(false);
    }
  }
}
