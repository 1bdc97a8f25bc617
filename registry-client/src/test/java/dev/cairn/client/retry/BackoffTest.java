package dev.cairn.client.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static final Backoff NO_JITTER =
      new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 0);

  @Test
  void doublesFromFirstAndStopsAtMax() {
    assertThat(NO_JITTER.delay(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(NO_JITTER.delay(2)).isEqualTo(Duration.ofMillis(1000));
    assertThat(NO_JITTER.delay(3)).isEqualTo(Duration.ofMillis(2000));
    assertThat(NO_JITTER.delay(6)).isEqualTo(Duration.ofMillis(16_000));
    assertThat(NO_JITTER.delay(7)).isEqualTo(Duration.ofSeconds(30));
    assertThat(NO_JITTER.delay(8)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void longRunsOfFailuresStayAtMaxWithoutOverflow() {
    assertThat(NO_JITTER.delay(63)).isEqualTo(Duration.ofSeconds(30));
    assertThat(NO_JITTER.delay(64)).isEqualTo(Duration.ofSeconds(30));
    assertThat(NO_JITTER.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
    Backoff huge = new Backoff(Duration.ofDays(1), Duration.ofDays(365 * 1000), 0);
    assertThat(huge.delay(1000)).isEqualTo(Duration.ofDays(365 * 1000));
  }

  @Test
  void jitterAddsAtMostItsShareOfTheWait() {
    Backoff policy = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 0.5);
    Random random = new Random(7);
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      long first = policy.delay(1, random).toMillis();
      assertThat(first).isBetween(100L, 150L);
      seen.add(first);
      assertThat(policy.delay(40, random).toMillis()).isBetween(5000L, 7500L);
    }
    // Spread over the range, not stuck at one end: the point of jitter.
    assertThat(seen).contains(100L, 150L).hasSizeGreaterThan(40);
  }

  @Test
  void sequenceGrowsAndResets() {
    Backoff.Sequence sequence = NO_JITTER.sequence();
    assertThat(sequence.next()).isEqualTo(Duration.ofMillis(500));
    assertThat(sequence.next()).isEqualTo(Duration.ofMillis(1000));
    assertThat(sequence.next()).isEqualTo(Duration.ofMillis(2000));
    sequence.reset();
    assertThat(sequence.next()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void perKeyCountsEachKeyApart() {
    Backoff.PerKey perKey = NO_JITTER.perKey();
    assertThat(perKey.next("a")).isEqualTo(Duration.ofMillis(500));
    assertThat(perKey.next("a")).isEqualTo(Duration.ofMillis(1000));
    assertThat(perKey.next("b")).isEqualTo(Duration.ofMillis(500));
    perKey.reset("a");
    assertThat(perKey.next("a")).isEqualTo(Duration.ofMillis(500));
    assertThat(perKey.next("b")).isEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NO_JITTER.delay(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
