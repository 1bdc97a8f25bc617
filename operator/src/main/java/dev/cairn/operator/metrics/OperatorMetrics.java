package dev.cairn.operator.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;

/**
 * The operator's Prometheus metrics: reconciles and failures per kind, and how long a
 * ModelActivation change takes to become {@code Active} and {@code Serving}; kept by the Prometheus
 * client and written in its text format by {@link #scrape()}.
 */
public final class OperatorMetrics {

  /** Upper bounds (seconds) of the latency histogram buckets. */
  private static final double[] BUCKETS = {0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300};

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter reconciles =
      Counter.builder()
          .name("cairn_operator_reconciles_total")
          .help("Reconciles run, by kind.")
          .labelNames("kind")
          .register(registry);
  private final Counter failures =
      Counter.builder()
          .name("cairn_operator_reconcile_failures_total")
          .help("Failed reconciles, by kind and reason.")
          .labelNames("kind", "reason")
          .register(registry);
  private final Histogram toActive =
      latency(
          "cairn_operator_activation_to_active_seconds",
          "Time from a ModelActivation change to phase Active.");
  private final Histogram toServing =
      latency(
          "cairn_operator_activation_to_serving_seconds",
          "Time from a ModelActivation change to every instance serving it.");

  public void reconciled(String kind) {
    reconciles.labelValues(kind).inc();
  }

  public void failed(String kind, String reason) {
    failures.labelValues(kind, reason).inc();
  }

  public long reconcileCount(String kind) {
    return (long) reconciles.labelValues(kind).get();
  }

  public long failureCount(String kind, String reason) {
    return (long) failures.labelValues(kind, reason).get();
  }

  public void timeToActive(Duration elapsed) {
    toActive.observe(elapsed.toNanos() / 1e9);
  }

  public void timeToServing(Duration elapsed) {
    toServing.observe(elapsed.toNanos() / 1e9);
  }

  /** All series in the Prometheus text format (version 0.0.4). */
  public String scrape() {
    // The library's own rendering to a string (UTF-8, default escaping): the same bytes /metrics
    // always served, and no copy of the glue in each process.
    return PrometheusTextFormatWriter.create().toDebugString(registry.scrape());
  }

  private Histogram latency(String name, String help) {
    return Histogram.builder()
        .name(name)
        .help(help)
        .classicOnly()
        .classicUpperBounds(BUCKETS)
        .register(registry);
  }
}
