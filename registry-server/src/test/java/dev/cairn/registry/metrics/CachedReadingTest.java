package dev.cairn.registry.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Review 12 item 11: the untrusted-pointer gauge ran its query (shipping every protected pointer's
 * bundle) at every scrape of the public {@code /metrics}. Its reading is now cached: any number of
 * scrapes cost at most one computation per interval, and none runs on the scraping thread.
 */
class CachedReadingTest {

  private static final Duration INTERVAL = Duration.ofSeconds(15);

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final AtomicInteger computed = new AtomicInteger();
  private final List<Runnable> pending = new ArrayList<>();

  @Test
  void manyScrapesCostOneComputationPerInterval() {
    Metrics metrics = new Metrics();
    new DomainMetrics(metrics)
        .untrustedPointersObserved(
            new CachedReading<>(
                counts(), Map.of(), INTERVAL, nanos::get, Runnable::run)); // refresh inline

    for (int i = 0; i < 50; i++) {
      metrics.prometheus();
    }
    assertThat(computed).hasValue(1);
    advance(INTERVAL.minusMillis(1));
    for (int i = 0; i < 50; i++) {
      metrics.prometheus();
    }
    assertThat(computed).as("still within the interval").hasValue(1);
    advance(Duration.ofMillis(1));
    String scraped = null;
    for (int i = 0; i < 50; i++) {
      scraped = metrics.prometheus();
    }

    assertThat(computed).hasValue(2);
    assertThat(scraped)
        .contains(
            "cairn_alias_untrusted_pointers{alias=\"production\",model=\"m\",project=\"p\"} 2");
  }

  @Test
  void theScrapeDoesNotWaitForTheComputation() {
    CachedReading<Integer> reading =
        new CachedReading<>(
            () -> computed.incrementAndGet(), 0, INTERVAL, nanos::get, pending::add);

    assertThat(reading.get()).as("the first scrape answers the initial value").isZero();
    assertThat(computed).as("nothing ran on the scraping thread").hasValue(0);
    for (int i = 0; i < 10; i++) {
      reading.get();
    }
    assertThat(pending).as("one refresh under way, not one per scrape").hasSize(1);

    pending.removeFirst().run();
    advance(INTERVAL.multipliedBy(3));
    assertThat(reading.get()).isEqualTo(1);
    assertThat(pending).hasSize(1);
  }

  @Test
  void aFailedComputationKeepsTheLastValueAndWaitsAnInterval() {
    AtomicInteger calls = new AtomicInteger();
    Supplier<Integer> failingSecond =
        () -> {
          if (calls.incrementAndGet() == 2) {
            throw new IllegalStateException("database unreachable");
          }
          return calls.get();
        };
    CachedReading<Integer> reading =
        new CachedReading<>(failingSecond, 0, INTERVAL, nanos::get, Runnable::run);

    reading.get();
    advance(INTERVAL);
    reading.get();
    for (int i = 0; i < 10; i++) {
      assertThat(reading.get()).isEqualTo(1);
    }
    assertThat(calls).as("an outage is not retried at every scrape").hasValue(2);
    advance(INTERVAL);
    reading.get();
    assertThat(reading.get()).isEqualTo(3);
  }

  private Supplier<Map<List<String>, Integer>> counts() {
    return () -> Map.of(List.of("p", "m", "production"), computed.incrementAndGet());
  }

  private void advance(Duration by) {
    nanos.addAndGet(by.toNanos());
  }
}
