package dev.cairn.registry.service;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Request counts and latency histograms by method, route and status, plus authentication failures,
 * kept by the Prometheus client and rendered in its text format.
 */
public final class HttpMetrics {

  private static final double[] BUCKETS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter requests =
      Counter.builder()
          .name("cairn_http_requests_total")
          .help("HTTP requests answered, by route and status.")
          .labelNames("method", "route", "status")
          .register(registry);
  private final Histogram duration =
      Histogram.builder()
          .name("cairn_http_request_duration_seconds")
          .help("Time to answer, by route and status.")
          .labelNames("method", "route", "status")
          .classicOnly()
          .classicUpperBounds(BUCKETS)
          .register(registry);
  private final Counter authFailures =
      Counter.builder()
          .name("cairn_auth_failures_total")
          .help("Requests refused for missing or invalid credentials.")
          .labelNames("reason")
          .register(registry);

  public void record(String method, String route, int status, long nanos) {
    String code = Integer.toString(status);
    requests.labelValues(method, route, code).inc();
    duration.labelValues(method, route, code).observe(nanos / 1e9);
  }

  public void authFailure(String reason) {
    authFailures.labelValues(reason).inc();
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
