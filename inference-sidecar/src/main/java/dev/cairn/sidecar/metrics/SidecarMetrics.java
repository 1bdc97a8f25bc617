package dev.cairn.sidecar.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * {@code /metrics} in Prometheus text: swaps, swap failures by code, time from alias event to swap,
 * request latency by endpoint kind, and the bytes in the artifact cache.
 */
public final class SidecarMetrics {

  private final AtomicLong swaps = new AtomicLong();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final Histogram eventToSwap =
      new Histogram(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30);
  private final Map<String, Histogram> latency = new ConcurrentHashMap<>();
  private final LongSupplier cacheBytes;

  public SidecarMetrics(LongSupplier cacheBytes) {
    this.cacheBytes = cacheBytes;
  }

  public void swapped(double secondsSinceEvent) {
    swaps.incrementAndGet();
    if (secondsSinceEvent >= 0) {
      eventToSwap.observe(secondsSinceEvent);
    }
  }

  public void swapFailed(String code) {
    failures.computeIfAbsent(code, c -> new LongAdder()).increment();
  }

  /** One served request of {@code kind} ({@code infer} or {@code inspect}). */
  public void request(String kind, double seconds) {
    latency
        .computeIfAbsent(
            kind, k -> new Histogram(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1))
        .observe(seconds);
  }

  public long swaps() {
    return swaps.get();
  }

  public String scrape() {
    StringBuilder out = new StringBuilder();
    out.append("# HELP cairn_sidecar_swaps_total Generations switched in.\n");
    out.append("# TYPE cairn_sidecar_swaps_total counter\n");
    out.append("cairn_sidecar_swaps_total ").append(swaps.get()).append('\n');
    out.append("# HELP cairn_sidecar_swap_failures_total Generations refused, by code.\n");
    out.append("# TYPE cairn_sidecar_swap_failures_total counter\n");
    failures.forEach(
        (code, count) ->
            out.append("cairn_sidecar_swap_failures_total{code=\"")
                .append(code)
                .append("\"} ")
                .append(count.sum())
                .append('\n'));
    eventToSwap.write(
        out, "cairn_sidecar_event_to_swap_seconds", "Alias event received to new set serving.");
    latency.forEach(
        (kind, histogram) ->
            histogram.write(
                out,
                "cairn_sidecar_" + kind + "_latency_seconds",
                "Latency of " + kind + " requests."));
    out.append("# HELP cairn_sidecar_cache_bytes Bytes in the verified artifact cache.\n");
    out.append("# TYPE cairn_sidecar_cache_bytes gauge\n");
    out.append("cairn_sidecar_cache_bytes ").append(cacheBytes.getAsLong()).append('\n');
    return out.toString();
  }
}
