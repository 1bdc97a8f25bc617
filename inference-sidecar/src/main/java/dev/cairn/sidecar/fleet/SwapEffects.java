package dev.cairn.sidecar.fleet;

import dev.cairn.sidecar.cache.ArtifactCache;
import dev.cairn.sidecar.metrics.SidecarMetrics;
import dev.cairn.sidecar.serving.ServingSet;
import dev.cairn.sidecar.serving.SwapFailure;
import dev.cairn.sidecar.serving.SwapLine;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * What one model's swap or failed prepare means for the whole fleet: the log line, the metrics, the
 * fleet's load bounds, and the cache trimmed to what the fleet's serving sets still need. The model
 * itself ({@link ServedModel}) keeps its own last good state and report.
 */
final class SwapEffects {

  private static final Logger LOG = Logger.getLogger(SwapEffects.class.getName());

  private final Supplier<Collection<ServedModel>> all;
  private final LoadBounds bounds;
  private final SidecarMetrics metrics;
  private final ArtifactCache cache;

  SwapEffects(
      Supplier<Collection<ServedModel>> all,
      LoadBounds bounds,
      SidecarMetrics metrics,
      ArtifactCache cache) {
    this.all = all;
    this.bounds = bounds;
    this.metrics = metrics;
    this.cache = cache;
  }

  /**
   * {@code m} switched from {@code from} to {@code to}; {@code eventAtNanos} is when the alias
   * event that asked for it arrived (0 when none did).
   */
  void swapped(
      ServedModel m, ServingSet from, ServingSet to, long prepareNanos, long eventAtNanos) {
    metrics.swapped(eventAtNanos == 0 ? -1 : (System.nanoTime() - eventAtNanos) / 1e9);
    LOG.info(SwapLine.of(m.name(), from, to, prepareNanos));
    bounds.enforce(all.get(), m);
    evictUnused();
  }

  void failed(SwapFailure failure) {
    metrics.swapFailed(failure.code());
  }

  /** Keeps the files of every serving set in the cache; the rest may go past its size. */
  private void evictUnused() {
    Set<String> keep = new HashSet<>();
    all.get().stream()
        .flatMap(m -> m.manager().current().target().variants().values().stream())
        .forEach(v -> v.files().forEach(f -> keep.add(ArtifactCache.hex(f.sha256()))));
    try {
      cache.evict(keep);
    } catch (IOException e) {
      LOG.warning("the cache could not be trimmed: " + e.getMessage());
    }
  }
}
