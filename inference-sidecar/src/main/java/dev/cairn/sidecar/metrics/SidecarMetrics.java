package dev.cairn.sidecar.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * {@code /metrics} in Prometheus text: swaps, swap failures by code, time from alias event to swap,
 * request latency by endpoint kind, and the bytes in the artifact cache; kept by the Prometheus
 * client.
 */
public final class SidecarMetrics {

  private static final double[] REQUEST_BUCKETS = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1
  };

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter swaps =
      Counter.builder()
          .name("cairn_sidecar_swaps_total")
          .help("Generations switched in.")
          .register(registry);
  private final Counter failures =
      Counter.builder()
          .name("cairn_sidecar_swap_failures_total")
          .help("Generations refused, by code.")
          .labelNames("code")
          .register(registry);
  private final Histogram eventToSwap =
      Histogram.builder()
          .name("cairn_sidecar_event_to_swap_seconds")
          .help("Alias event received to new set serving.")
          .classicOnly()
          .classicUpperBounds(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
          .register(registry);
  private final Map<String, Histogram> latency =
      Map.of("infer", requestLatency("infer"), "inspect", requestLatency("inspect"));

  public SidecarMetrics(LongSupplier cacheBytes) {
    GaugeWithCallback.builder()
        .name("cairn_sidecar_cache_bytes")
        .help("Bytes in the verified artifact cache.")
        .callback(callback -> callback.call(cacheBytes.getAsLong()))
        .register(registry);
  }

  public void swapped(double secondsSinceEvent) {
    swaps.inc();
    if (secondsSinceEvent >= 0) {
      eventToSwap.observe(secondsSinceEvent);
    }
  }

  public void swapFailed(String code) {
    failures.labelValues(code).inc();
  }

  /** One served request of {@code kind} ({@code infer} or {@code inspect}). */
  public void request(String kind, double seconds) {
    Histogram histogram = latency.get(kind);
    if (histogram == null) {
      throw new IllegalArgumentException("no latency metric for request kind " + kind);
    }
    histogram.observe(seconds);
  }

  public long swaps() {
    return (long) swaps.get();
  }

  /** Every series in the Prometheus text format (version 0.0.4). */
  public String scrape() {
    // The library's own rendering to a string (UTF-8, default escaping): the same bytes /metrics
    // always served, and no copy of the glue in each process.
    return PrometheusTextFormatWriter.create().toDebugString(registry.scrape());
  }

  private Histogram requestLatency(String kind) {
    return Histogram.builder()
        .name("cairn_sidecar_" + kind + "_latency_seconds")
        .help("Latency of " + kind + " requests.")
        .classicOnly()
        .classicUpperBounds(REQUEST_BUCKETS)
        .register(registry);
  }
}
