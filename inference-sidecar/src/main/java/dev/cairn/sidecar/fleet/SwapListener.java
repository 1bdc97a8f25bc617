package dev.cairn.sidecar.fleet;

import dev.cairn.sidecar.cache.ArtifactCache;
import dev.cairn.sidecar.metrics.SidecarMetrics;
import dev.cairn.sidecar.serving.ModelManager;
import dev.cairn.sidecar.serving.ServingSet;
import dev.cairn.sidecar.serving.SwapFailure;
import dev.cairn.sidecar.serving.SwapLine;
import dev.cairn.sidecar.serving.TargetSet;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * What follows one model's swap or failed prepare: its log line, metrics, its last good state and
 * report, the fleet's load bounds, and the cache trimmed to what the fleet's serving sets still
 * need.
 */
final class SwapListener implements ModelManager.Listener {

  private static final Logger LOG = Logger.getLogger(SwapListener.class.getName());

  private final Supplier<ServedModel> self;
  private final Supplier<Collection<ServedModel>> all;
  private final LoadBounds bounds;
  private final SidecarMetrics metrics;
  private final ArtifactCache cache;

  SwapListener(
      Supplier<ServedModel> self,
      Supplier<Collection<ServedModel>> all,
      LoadBounds bounds,
      SidecarMetrics metrics,
      ArtifactCache cache) {
    this.self = self;
    this.all = all;
    this.bounds = bounds;
    this.metrics = metrics;
    this.cache = cache;
  }

  @Override
  public void swapped(ServingSet from, ServingSet to, long prepareNanos) {
    ServedModel m = self.get();
    long eventAt = m.follower().lastEventAtNanos();
    metrics.swapped(eventAt == 0 ? -1 : (System.nanoTime() - eventAt) / 1e9);
    LOG.info(SwapLine.of(m.name(), from, to, prepareNanos));
    m.swapped(to);
    bounds.enforce(all.get(), m);
    evictUnused();
  }

  @Override
  public void failed(TargetSet target, SwapFailure failure) {
    metrics.swapFailed(failure.code());
    self.get().failed();
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
