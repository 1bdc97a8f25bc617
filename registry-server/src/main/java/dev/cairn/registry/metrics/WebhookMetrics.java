package dev.cairn.registry.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import java.util.function.DoubleSupplier;

/**
 * Webhook delivery (issue 30 item 5): attempts by outcome ({@code delivered}, {@code retry}, {@code
 * failed}, {@code gone}) on the replica that made them, and — read from the shared outbox at scrape
 * time, so every replica reports the same — the queue's depth and its oldest pending age.
 */
public final class WebhookMetrics {

  private final Counter deliveries;
  private final Counter unrecorded;
  private volatile DoubleSupplier depth = () -> 0;
  private volatile DoubleSupplier oldest = () -> 0;

  public WebhookMetrics(Metrics metrics) {
    var registry = metrics.registry();
    deliveries =
        Counter.builder()
            .name("cairn_webhook_deliveries_total")
            .help("Webhook delivery attempts by outcome (delivered, retry, failed, gone).")
            .labelNames("outcome")
            .register(registry);
    unrecorded =
        Counter.builder()
            .name("cairn_webhook_unrecorded_attempts_total")
            .help(
                "Webhook attempts whose outcome was not stored: error (the database refused it),"
                    + " superseded (the attempt outlived its lease and the row was claimed again).")
            .labelNames("reason")
            .register(registry);
    GaugeWithCallback.builder()
        .name("cairn_webhook_queue_depth")
        .help("Webhook deliveries waiting for an attempt, across all replicas.")
        .callback(cb -> cb.call(depth.getAsDouble()))
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

  /** An attempt whose outcome was not stored, and why. */
  public void unrecorded(String reason) {
    unrecorded.labelValues(reason).inc();
  }

  /** Where the gauges read the queue from (the delivery worker's queue); NaN when unknown. */
  public void queue(DoubleSupplier depth, DoubleSupplier oldest) {
    this.depth = depth;
    this.oldest = oldest;
  }
}
