package dev.cairn.registry.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a registry did, for seed 001's dashboards: alias activations and rollbacks, publish
 * durations, resolve-cache hits, misses, evictions and size, and versions failed on their bytes (by
 * what found them). Counted once per committed change, on the replica that made it.
 */
public final class DomainMetrics {

  private static final double[] PUBLISH_BUCKETS = {0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300};

  private final Counter activations;
  private final Counter rollbacks;
  private final Counter verifyFailures;
  private final Counter recoveries;
  private final Histogram publish;
  private final Counter resolveCache;
  // Looked up once: a label lookup on every cached resolve showed in its profile.
  private final CounterDataPoint resolveCacheHits;
  private final CounterDataPoint resolveCacheMisses;
  private volatile LongSupplier resolveCacheEvicted = () -> 0;
  private volatile LongSupplier resolveCacheSize = () -> 0;
  // Issue 28: label values (project, model, alias) → untrusted pointers, computed at scrape time.
  private volatile Supplier<Map<List<String>, Integer>> untrustedPointers = Map::of;

  public DomainMetrics(Metrics metrics) {
    var registry = metrics.registry();
    activations =
        Counter.builder()
            .name("cairn_activations_total")
            .help("Alias pointer changes committed (updates and rollbacks).")
            .register(registry);
    rollbacks =
        Counter.builder()
            .name("cairn_rollbacks_total")
            .help("Alias rollbacks committed.")
            .register(registry);
    verifyFailures =
        Counter.builder()
            .name("cairn_verify_failures_total")
            .help("Versions failed on their bytes, by what found it (verify, reference, scrub).")
            .labelNames("found_by")
            .register(registry);
    recoveries =
        Counter.builder()
            .name("cairn_versions_recovered_total")
            .help("Versions failed on their bytes that a publisher's verify returned to READY.")
            .register(registry);
    publish =
        Histogram.builder()
            .name("cairn_publish_duration_seconds")
            .help("Time to make a version READY: one-shot publish or complete, by outcome.")
            .labelNames("path", "outcome")
            .classicOnly()
            .classicUpperBounds(PUBLISH_BUCKETS)
            .register(registry);
    resolveCache =
        Counter.builder()
            .name("cairn_resolve_cache_total")
            .help("Resolutions answered from the cache (hit) or computed (miss).")
            .labelNames("result")
            .register(registry);
    resolveCacheHits = resolveCache.labelValues("hit");
    resolveCacheMisses = resolveCache.labelValues("miss");
    // Read from the cache when scraped: Caffeine counts evictions itself, on its own threads.
    CounterWithCallback.builder()
        .name("cairn_resolve_cache_evictions_total")
        .help("Resolutions evicted from the resolve cache to keep it within its bound.")
        .callback(callback -> callback.call(resolveCacheEvicted.getAsLong()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("cairn_resolve_cache_size")
        .help("Resolutions in the resolve cache (CAIRN_RESOLVE_CACHE_SIZE bounds it).")
        .callback(callback -> callback.call(resolveCacheSize.getAsLong()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("cairn_alias_untrusted_pointers")
        .help(
            "Pointers of a protected alias (require_signature projects) to a version whose"
                + " signature the current trust policy no longer trusts (issue 28); counted at"
                + " most every 15 s, off the scrape.")
        .labelNames("project", "model", "alias")
        .callback(
            callback ->
                untrustedPointers
                    .get()
                    .forEach((labels, n) -> callback.call(n, labels.toArray(String[]::new))))
        .register(registry);
  }

  /** Where the untrusted-pointer gauge reads its values at each scrape (a cached reading). */
  public void untrustedPointersObserved(Supplier<Map<List<String>, Integer>> counts) {
    untrustedPointers = counts;
  }

  /**
   * Counts a committed audit action: {@code ALIAS_UPDATE}/{@code ALIAS_ROLLBACK} are activations,
   * {@code VERSION_<WHAT>_FAILED} and {@code VERSION_REFERENCE_MISMATCH} are integrity failures.
   */
  public void audited(String action) {
    switch (action) {
      case "ALIAS_UPDATE" -> activations.inc();
      case "ALIAS_ROLLBACK" -> {
        activations.inc();
        rollbacks.inc();
      }
      case "VERSION_RECOVERED" -> recoveries.inc();
      case "VERSION_REFERENCE_MISMATCH" -> verifyFailures.labelValues("reference").inc();
      default -> {
        if (action.startsWith("VERSION_") && action.endsWith("_FAILED")) {
          String by = action.substring("VERSION_".length(), action.length() - "_FAILED".length());
          verifyFailures.labelValues(by.toLowerCase(Locale.ROOT)).inc();
        }
      }
    }
  }

  /**
   * Runs one publish attempt ({@code path}: one_shot or complete) and records how long it took and
   * whether it ended READY; an exception counts as failed.
   */
  public <T> T timedPublish(String path, Supplier<T> work, Predicate<T> ready) {
    long start = System.nanoTime();
    boolean ok = false;
    try {
      T result = work.get();
      ok = ready.test(result);
      return result;
    } finally {
      publish.labelValues(path, ok ? "ready" : "failed").observe((System.nanoTime() - start) / 1e9);
    }
  }

  public void resolveCacheHit() {
    resolveCacheHits.inc();
  }

  public void resolveCacheMiss() {
    resolveCacheMisses.inc();
  }

  /** Where the resolve cache's evictions and size are read from when scraped. */
  public void resolveCacheObserved(LongSupplier evicted, LongSupplier size) {
    resolveCacheEvicted = evicted;
    resolveCacheSize = size;
  }
}
