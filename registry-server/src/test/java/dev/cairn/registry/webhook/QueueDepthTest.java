package dev.cairn.registry.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.registry.metrics.CachedReading;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Review 12 items 11 and 17 (second bullet), the queue depth gauges ({@link
 * Webhooks#depthReading}): one query for the two of them, and NaN, not 0, while the database cannot
 * be read (0 would say the queue is empty).
 */
class QueueDepthTest {

  @Test
  void theGaugesAreNaNWhileTheQueueCannotBeReadAndReadOncePerScrape() {
    AtomicInteger reads = new AtomicInteger();
    CachedReading<DeliveryQueue.Depth> depth =
        Webhooks.depthReading(
            () -> {
              reads.incrementAndGet();
              return new DeliveryQueue.Depth(3, 12.5);
            });
    await().atMost(Duration.ofSeconds(5)).until(() -> depth.get().pending() == 3);
    // The two gauges of one scrape (and the scrapes within the interval): one query.
    assertThat(depth.get().pending()).isEqualTo(3);
    assertThat(depth.get().oldestSeconds()).isEqualTo(12.5);
    assertThat(reads.get()).isEqualTo(1);

    AtomicInteger attempts = new AtomicInteger();
    CachedReading<DeliveryQueue.Depth> away =
        Webhooks.depthReading(
            () -> {
              attempts.incrementAndGet();
              throw new IllegalStateException("database unavailable");
            });
    away.get();
    await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 1);
    assertThat(away.get().pending()).isNaN();
    assertThat(away.get().oldestSeconds()).isNaN();
  }
}
