package dev.cairn.operator.registry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exponential retry delays per resource: {@code first}, doubling to {@code max}, back to {@code
 * first} once the resource succeeds. Kept in memory: a restarted operator simply starts again with
 * short delays.
 */
public final class Backoff {

  private final Duration first;
  private final Duration max;
  private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

  public Backoff(Duration first, Duration max) {
    this.first = first;
    this.max = max;
  }

  /** The delay before the next attempt for {@code key}, counting this failure. */
  public Duration next(String key) {
    int attempt = attempts.merge(key, 1, Integer::sum);
    long millis = first.toMillis() << Math.min(attempt - 1, 20);
    return Duration.ofMillis(Math.min(millis, max.toMillis()));
  }

  public void reset(String key) {
    attempts.remove(key);
  }
}
