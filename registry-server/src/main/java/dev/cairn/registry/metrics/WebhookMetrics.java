package dev.cairn.registry.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Webhook delivery (issue 30 item 5): attempts by outcome ({@code delivered}, {@code retry}, {@code
 * failed}, {@code gone}) on the replica that made them, and — read from the shared outbox at scrape
 * time, so every replica reports the same — the queue's depth and its oldest pending age.
 */
public final class WebhookMetrics {

  private final Counter deliveries;
  private volatile LongSupplier depth = () -> 0;
  private volatile DoubleSupplier oldest = () -> 0;

  public WebhookMetrics(Metrics metrics) {
    var registry = metrics.registry();
    deliveries =
        Counter.builder()
            .name("cairn_webhook_deliveries_total")
            .help("Webhook delivery attempts by outcome (delivered, retry, failed, gone).")
            .labelNames("outcome")
            .register(registry);
    GaugeWithCallback.builder()
        .name("cairn_webhook_queue_depth")
        .help("Webhook deliveries waiting for an attempt, across all replicas.")
        .callback(cb -> cb.call(depth.getAsLong()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("cairn_webhook_oldest_pending_seconds")
        .help("Age of the oldest webhook delivery still waiting, 0 when none waits.")
        .callback(cb -> cb.call(oldest.getAsDouble()))
        .register(registry);
  }

  public void attempted(String outcome) {
    deliveries.labelValues(outcome).inc();
  }

  /** Where the gauges read the queue from (the delivery worker's queue). */
  public void queue(LongSupplier depth, DoubleSupplier oldest) {
    this.depth = depth;
    this.oldest = oldest;
  }
}
