package dev.cairn.registry.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The one metrics registry of a registry process, rendered in the Prometheus text format. */
public final class Metrics {

  private final PrometheusRegistry registry = new PrometheusRegistry();

  public PrometheusRegistry registry() {
    return registry;
  }

  /** Every series in the Prometheus text format (version 0.0.4). */
  public String prometheus() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
