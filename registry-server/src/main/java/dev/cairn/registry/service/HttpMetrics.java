package dev.cairn.registry.service;

import dev.cairn.registry.metrics.Metrics;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

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
  private volatile LongSupplier logLinesDropped = () -> 0;

  /**
   * The data points of each method, route and status, looked up once: the client's own lookup
   * builds a label list and hashes it twice per request (issue 27 item 7). As many entries as the
   * client keeps series.
   */
  private final Map<SeriesKey, Series> series = new ConcurrentHashMap<>();

  private record SeriesKey(String method, String route, int status) {}

  private record Series(CounterDataPoint requests, DistributionDataPoint duration) {}

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
    // Read when scraped: the log writer counts what it drops, the request never waits for it.
    CounterWithCallback.builder()
        .name("cairn_log_lines_dropped_total")
        .help("Log lines (access lines included) dropped because the console could not keep up.")
        .callback(callback -> callback.call(logLinesDropped.getAsLong()))
        .register(registry);
  }

  /** Where the count of dropped log lines is read from when scraped. */
  public void logLinesDroppedObserved(LongSupplier dropped) {
    logLinesDropped = dropped;
  }

  public void record(String method, String route, int status, long nanos) {
    Series one = series.get(new SeriesKey(method, route, status));
    if (one == null) {
      String code = Integer.toString(status);
      one =
          series.computeIfAbsent(
              new SeriesKey(method, route, status),
              key ->
                  new Series(
                      requests.labelValues(method, route, code),
                      duration.labelValues(method, route, code)));
    }
    one.requests().inc();
    one.duration().observe(nanos / 1e9);
  }

  public void authFailure(String reason) {
    authFailures.labelValues(reason).inc();
  }

  /** Every series of the process (these and the domain's) in the Prometheus text format. */
  public String prometheus() {
    return metrics.prometheus();
  }
}
