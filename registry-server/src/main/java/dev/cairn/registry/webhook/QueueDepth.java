package dev.cairn.registry.webhook;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The queue's depth as the two gauges read it: one query serves both gauges of a scrape (they are
 * read one after the other) and every scrape within {@link #FRESH}, so the public {@code /metrics}
 * cannot be made to run the outbox query more often than that. While the database cannot be read
 * both figures are NaN: a scrape still answers, and an alert on the depth does not read "empty"
 * during the outage that stops delivery.
 */
final class QueueDepth {

  static final Duration FRESH = Duration.ofSeconds(2);
  static final DeliveryQueue.Depth UNKNOWN = new DeliveryQueue.Depth(Double.NaN, Double.NaN);

  private final Supplier<DeliveryQueue.Depth> queue;
  private final long freshNanos;
  private DeliveryQueue.Depth last;
  private long readAt;

  QueueDepth(Supplier<DeliveryQueue.Depth> queue) {
    this(queue, FRESH);
  }

  QueueDepth(Supplier<DeliveryQueue.Depth> queue, Duration fresh) {
    this.queue = queue;
    this.freshNanos = fresh.toNanos();
  }

  synchronized DeliveryQueue.Depth get() {
    long now = System.nanoTime();
    if (last == null || now - readAt >= freshNanos) {
      last = read();
      readAt = now;
    }
    return last;
  }

  private DeliveryQueue.Depth read() {
    try {
      return queue.get();
    } catch (RuntimeException e) {
      return UNKNOWN;
    }
  }
}
