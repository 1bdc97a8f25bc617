package dev.cairn.registry.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Review 12 items 11 and 17 (second bullet), the queue depth gauges: read once per scrape for the
 * two of them, and NaN, not 0, while the database cannot be read (0 would say the queue is empty).
 */
class QueueDepthTest {

  @Test
  void theGaugesAreNaNWhileTheQueueCannotBeReadAndReadOncePerScrape() {
    AtomicInteger reads = new AtomicInteger();
    QueueDepth depth =
        new QueueDepth(
            () -> {
              reads.incrementAndGet();
              return new DeliveryQueue.Depth(3, 12.5);
            });
    // The two gauges of one scrape: one query.
    assertThat(depth.get().pending()).isEqualTo(3);
    assertThat(depth.get().oldestSeconds()).isEqualTo(12.5);
    assertThat(reads.get()).isEqualTo(1);
    QueueDepth away =
        new QueueDepth(
            () -> {
              throw new IllegalStateException("database unavailable");
            },
            Duration.ZERO);
    assertThat(away.get().pending()).isNaN();
    assertThat(away.get().oldestSeconds()).isNaN();
  }
}
