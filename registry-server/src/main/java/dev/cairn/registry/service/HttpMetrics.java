package dev.cairn.registry.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts and latency histograms by method, route and status, plus authentication failures,
 * rendered in the Prometheus text format.
 */
public final class HttpMetrics {

  private static final double[] BUCKETS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  private record Series(String method, String route, int status) {}

  private static final class Histogram {
    final LongAdder[] buckets = new LongAdder[BUCKETS.length];
    final LongAdder count = new LongAdder();
    final LongAdder sumNanos = new LongAdder();

    Histogram() {
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }

    void observe(long nanos) {
      double seconds = nanos / 1e9;
      for (int i = 0; i < BUCKETS.length; i++) {
        if (seconds <= BUCKETS[i]) {
          buckets[i].increment();
        }
      }
      count.increment();
      sumNanos.add(nanos);
    }
  }

  private final Map<Series, Histogram> requests = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> authFailures = new ConcurrentHashMap<>();

  public void record(String method, String route, int status, long nanos) {
    requests
        .computeIfAbsent(new Series(method, route, status), s -> new Histogram())
        .observe(nanos);
  }

  public void authFailure(String reason) {
    authFailures.computeIfAbsent(reason, r -> new LongAdder()).increment();
  }

  public String prometheus() {
    StringBuilder out = new StringBuilder();
    out.append("# HELP cairn_http_requests_total HTTP requests answered, by route and status.\n");
    out.append("# TYPE cairn_http_requests_total counter\n");
    requests.forEach(
        (s, h) ->
            out.append("cairn_http_requests_total")
                .append(labels(s, null))
                .append(' ')
                .append(h.count.sum())
                .append('\n'));
    out.append("# HELP cairn_http_request_duration_seconds Time to answer, by route and status.\n");
    out.append("# TYPE cairn_http_request_duration_seconds histogram\n");
    requests.forEach((s, h) -> histogram(out, s, h));
    out.append(
        "# HELP cairn_auth_failures_total Requests refused for missing or invalid credentials.\n");
    out.append("# TYPE cairn_auth_failures_total counter\n");
    authFailures.forEach(
        (reason, n) ->
            out.append("cairn_auth_failures_total{reason=\"")
                .append(escape(reason))
                .append("\"} ")
                .append(n.sum())
                .append('\n'));
    return out.toString();
  }

  private static void histogram(StringBuilder out, Series s, Histogram h) {
    String name = "cairn_http_request_duration_seconds";
    for (int i = 0; i < BUCKETS.length; i++) {
      out.append(name)
          .append("_bucket")
          .append(labels(s, Double.toString(BUCKETS[i])))
          .append(' ')
          .append(h.buckets[i].sum())
          .append('\n');
    }
    out.append(name)
        .append("_bucket")
        .append(labels(s, "+Inf"))
        .append(' ')
        .append(h.count.sum())
        .append('\n');
    out.append(name)
        .append("_sum")
        .append(labels(s, null))
        .append(' ')
        .append(h.sumNanos.sum() / 1e9)
        .append('\n');
    out.append(name)
        .append("_count")
        .append(labels(s, null))
        .append(' ')
        .append(h.count.sum())
        .append('\n');
  }

  private static String labels(Series s, String le) {
    return "{method=\""
        + escape(s.method())
        + "\",route=\""
        + escape(s.route())
        + "\",status=\""
        + s.status()
        + "\""
        + (le == null ? "" : ",le=\"" + le + "\"")
        + "}";
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
