package dev.cairn.registry.service;

import dev.cairn.registry.metrics.Metrics;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Request counts and latency histograms by method, route and status, plus authentication failures,
 * kept by the Prometheus client and rendered in its text format.
 */
public final class HttpMetrics {

  private static final double[] BUCKETS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  private final Metrics metrics;
  private final Counter requests;
  private final Histogram duration;
  private final Counter authFailures;

  public HttpMetrics(Metrics metrics) {
    this.metrics = metrics;
    PrometheusRegistry registry = metrics.registry();
    requests =
        Counter.builder()
            .name("cairn_http_requests_total")
            .help("HTTP requests answered, by route and status.")
            .labelNames("method", "route", "status")
            .register(registry);
    duration =
        Histogram.builder()
            .name("cairn_http_request_duration_seconds")
            .help("Time to answer, by route and status.")
            .labelNames("method", "route", "status")
            .classicOnly()
            .classicUpperBounds(BUCKETS)
            .register(registry);
    authFailures =
        Counter.builder()
            .name("cairn_auth_failures_total")
            .help("Requests refused for missing or invalid credentials.")
            .labelNames("reason")
            .register(registry);
  }

  public void record(String method, String route, int status, long nanos) {
    String code = Integer.toString(status);
    requests.labelValues(method, route, code).inc();
    duration.labelValues(method, route, code).observe(nanos / 1e9);
  }

  public void authFailure(String reason) {
    authFailures.labelValues(reason).inc();
  }

  /** Every series of the process (these and the domain's) in the Prometheus text format. */
  public String prometheus() {
    return metrics.prometheus();
  }
}
