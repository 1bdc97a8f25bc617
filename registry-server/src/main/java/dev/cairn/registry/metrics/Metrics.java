package dev.cairn.registry.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The one metrics registry of a registry process, rendered in the Prometheus text format. */
public final class Metrics {

  private final PrometheusRegistry registry = new PrometheusRegistry();

  public PrometheusRegistry registry() {
    return registry;
  }

  /** Every series in the Prometheus text format (version 0.0.4). */
  public String prometheus() {
    // The library's own rendering to a string (UTF-8, default escaping): the same bytes /metrics
    // always served, and no copy of the glue in each process.
    return PrometheusTextFormatWriter.create().toDebugString(registry.scrape());
  }
}
