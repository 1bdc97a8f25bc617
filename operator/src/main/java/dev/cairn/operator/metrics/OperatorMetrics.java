package dev.cairn.operator.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * The operator's Prometheus metrics: reconciles and failures per kind, and how long a
 * ModelActivation change takes to become {@code Active} and {@code Serving}. Written in the text
 * exposition format by {@link #scrape()}; no metrics library needed for a handful of series.
 */
public final class OperatorMetrics {

  /** Upper bounds (seconds) of the latency histogram buckets. */
  private static final double[] BUCKETS = {0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300};

  private final Map<String, AtomicLong> reconciles = new ConcurrentSkipListMap<>();
  private final Map<Failure, AtomicLong> failures = new ConcurrentSkipListMap<>();
  private final Histogram toActive = new Histogram();
  private final Histogram toServing = new Histogram();

  public void reconciled(String kind) {
    reconciles.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
  }

  public void failed(String kind, String reason) {
    failures.computeIfAbsent(new Failure(kind, reason), k -> new AtomicLong()).incrementAndGet();
  }

  public long reconcileCount(String kind) {
    AtomicLong count = reconciles.get(kind);
    return count == null ? 0 : count.get();
  }

  public long failureCount(String kind, String reason) {
    AtomicLong count = failures.get(new Failure(kind, reason));
    return count == null ? 0 : count.get();
  }

  public void timeToActive(Duration elapsed) {
    toActive.observe(elapsed);
  }

  public void timeToServing(Duration elapsed) {
    toServing.observe(elapsed);
  }

  /** All series in the Prometheus text format (version 0.0.4). */
  public String scrape() {
    StringBuilder out = new StringBuilder();
    out.append("# HELP cairn_operator_reconciles_total Reconciles run, by kind.\n");
    out.append("# TYPE cairn_operator_reconciles_total counter\n");
    reconciles.forEach(
        (kind, n) ->
            out.append("cairn_operator_reconciles_total{kind=\"")
                .append(kind)
                .append("\"} ")
                .append(n.get())
                .append('\n'));
    out.append(
        "# HELP cairn_operator_reconcile_failures_total Failed reconciles, by kind and reason.\n");
    out.append("# TYPE cairn_operator_reconcile_failures_total counter\n");
    failures.forEach(
        (key, n) -> {
          out.append("cairn_operator_reconcile_failures_total{kind=\"")
              .append(key.kind())
              .append("\",reason=\"")
              .append(key.reason().replace("\"", "'"))
              .append("\"} ")
              .append(n.get())
              .append('\n');
        });
    toActive.write(
        out,
        "cairn_operator_activation_to_active_seconds",
        "Time from a ModelActivation change to phase Active.");
    toServing.write(
        out,
        "cairn_operator_activation_to_serving_seconds",
        "Time from a ModelActivation change to every instance serving it.");
    return out.toString();
  }

  /** A failure series, ordered by kind then reason so the scrape output is stable. */
  private record Failure(String kind, String reason) implements Comparable<Failure> {
    @Override
    public int compareTo(Failure other) {
      int byKind = kind.compareTo(other.kind);
      return byKind != 0 ? byKind : reason.compareTo(other.reason);
    }
  }

  /** A cumulative Prometheus histogram with fixed buckets. */
  private static final class Histogram {
    private final AtomicLong[] counts = new AtomicLong[BUCKETS.length];
    private final AtomicLong count = new AtomicLong();
    private final DoubleAdder sum = new DoubleAdder();

    Histogram() {
      for (int i = 0; i < counts.length; i++) {
        counts[i] = new AtomicLong();
      }
    }

    void observe(Duration elapsed) {
      double seconds = elapsed.toNanos() / 1e9;
      for (int i = 0; i < BUCKETS.length; i++) {
        if (seconds <= BUCKETS[i]) {
          counts[i].incrementAndGet();
        }
      }
      count.incrementAndGet();
      sum.add(seconds);
    }

    void write(StringBuilder out, String name, String help) {
      out.append("# HELP ").append(name).append(' ').append(help).append('\n');
      out.append("# TYPE ").append(name).append(" histogram\n");
      for (int i = 0; i < BUCKETS.length; i++) {
        out.append(name)
            .append("_bucket{le=\"")
            .append(BUCKETS[i])
            .append("\"} ")
            .append(counts[i].get())
            .append('\n');
      }
      out.append(name).append("_bucket{le=\"+Inf\"} ").append(count.get()).append('\n');
      out.append(name).append("_sum ").append(sum.sum()).append('\n');
      out.append(name).append("_count ").append(count.get()).append('\n');
    }
  }
}
