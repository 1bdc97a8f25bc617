package dev.cairn.registry.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most one audit entry per key (identity and project) and window: the first refusal of a window
 * is written, later ones are only counted, and the next written entry carries how many there were
 * (spec 40-security: refusals cannot flood the audit table). Counts are per replica.
 */
final class RefusalWindow {

  /** Keys kept before expired windows are dropped (an attacker may invent identities). */
  private static final int MAX_KEYS = 10_000;

  private record Window(Instant start, long suppressed) {}

  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final Duration length;
  private final Clock clock;

  RefusalWindow(Duration length, Clock clock) {
    this.length = length;
    this.clock = clock;
  }

  /**
   * Counts one refusal for {@code key}: the number of refusals the entry to write now stands for
   * (this one and those suppressed before it), or empty when this one is only counted.
   */
  OptionalLong admit(String key) {
    Instant now = clock.instant();
    if (windows.size() >= MAX_KEYS) {
      windows.values().removeIf(w -> !now.isBefore(w.start().plus(length)));
    }
    long[] write = {-1};
    windows.compute(
        key,
        (k, w) -> {
          if (w == null || !now.isBefore(w.start().plus(length))) {
            write[0] = 1 + (w == null ? 0 : w.suppressed());
            return new Window(now, 0);
          }
          return new Window(w.start(), w.suppressed() + 1);
        });
    return write[0] < 0 ? OptionalLong.empty() : OptionalLong.of(write[0]);
  }
}
