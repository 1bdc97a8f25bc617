package dev.cairn.client.retry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The one retry policy of every Cairn process: the n-th failure in a row waits {@code first}
 * doubled n-1 times, capped at {@code max}, plus a random extra of up to {@code jitter} times that
 * wait, so many clients that failed together do not retry in step. The cap applies before the
 * jitter, so the longest wait is {@code max × (1 + jitter)}.
 *
 * <p>The policy itself holds no state; {@link #sequence()} counts the failures of one loop and
 * {@link #perKey()} those of many resources (one count per key).
 */
public record Backoff(Duration first, Duration max, double jitter) {

  public Backoff {
    if (first.isNegative() || first.isZero()) {
      throw new IllegalArgumentException("first delay must be positive: " + first);
    }
    if (max.compareTo(first) < 0) {
      throw new IllegalArgumentException("max " + max + " is below first " + first);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must lie in [0, 1]: " + jitter);
    }
  }

  /** The wait after {@code failures} failures in a row (at least 1), random extra included. */
  public Duration delay(int failures) {
    return delay(failures, ThreadLocalRandom.current());
  }

  /** The same, drawing the extra from {@code random}. */
  public Duration delay(int failures, RandomGenerator random) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures start at 1: " + failures);
    }
    long base = base(failures);
    long spread = (long) (base * jitter);
    return Duration.ofMillis(spread == 0 ? base : base + random.nextLong(spread + 1));
  }

  /** The wait without its random extra: doubling stops at {@code max}, never overflows. */
  long base(int failures) {
    long firstMs = first.toMillis();
    long maxMs = max.toMillis();
    int doublings = Math.min(failures - 1, 62);
    return firstMs > (maxMs >> doublings) ? maxMs : firstMs << doublings;
  }

  /** A failure count for one loop, starting at zero. */
  public Sequence sequence() {
    return new Sequence(this);
  }

  /** Failure counts per key (a resource's uid), each starting at zero. */
  public PerKey perKey() {
    return new PerKey(this);
  }

  /** One loop's failures in a row; safe to share between threads. */
  public static final class Sequence {
    private final Backoff policy;
    private int failures;

    private Sequence(Backoff policy) {
      this.policy = policy;
    }

    /** Counts a failure and returns the wait before the next attempt. */
    public synchronized Duration next() {
      failures = Math.min(failures + 1, Integer.MAX_VALUE - 1);
      return policy.delay(failures);
    }

    /** A success: the next failure waits {@code first} again. */
    public synchronized void reset() {
      failures = 0;
    }
  }

  /**
   * Failures in a row per key, kept in memory: a restarted process simply starts again with short
   * waits.
   */
  public static final class PerKey {
    private final Backoff policy;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    private PerKey(Backoff policy) {
      this.policy = policy;
    }

    /** Counts a failure of {@code key} and returns the wait before its next attempt. */
    public Duration next(String key) {
      int count = failures.merge(key, 1, (a, b) -> Math.min(a + b, Integer.MAX_VALUE - 1));
      return policy.delay(count);
    }

    /** {@code key} succeeded (or is gone): its next failure waits {@code first} again. */
    public void reset(String key) {
      failures.remove(key);
    }
  }
}
