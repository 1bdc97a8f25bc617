package dev.cairn.registry.resolve;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.Resolved;
import dev.cairn.registry.events.StoredEvent;
import dev.cairn.registry.metrics.DomainMetrics;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Resolutions per (project, model), dropped whole on any event of that model, from any replica. An
 * epoch per model keeps a resolution computed from data older than an invalidation out of the
 * cache: it is answered, but not stored.
 */
public final class ResolveCache {

  private record ModelKey(String project, String model) {}

  private final Map<ModelKey, Map<String, Answer>> entries = new ConcurrentHashMap<>();
  private final Map<ModelKey, AtomicLong> epochs = new ConcurrentHashMap<>();
  private final DomainMetrics metrics;
  private final ObjectMapper json;

  /** {@code json} writes each answer's body once, with the API's mapper. */
  public ResolveCache(DomainMetrics metrics, ObjectMapper json) {
    this.metrics = metrics;
    this.json = json;
  }

  /** The cached resolution of {@code selector}, computing (and caching) it when absent. */
  Answer get(String project, String model, String selector, Supplier<Resolved> compute) {
    ModelKey key = new ModelKey(project, model);
    Answer cached = Optional.ofNullable(entries.get(key)).map(m -> m.get(selector)).orElse(null);
    if (cached != null) {
      metrics.resolveCacheHit();
      return cached;
    }
    metrics.resolveCacheMiss();
    long epoch = epoch(key).get();
    Answer fresh = Answer.of(compute.get(), json);
    if (epoch(key).get() == epoch) {
      entries.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(selector, fresh);
      if (epoch(key).get() != epoch) {
        invalidate(key);
      }
    }
    return fresh;
  }

  /** An answer kept out of the cache (a verified one), written with the same mapper. */
  Answer uncached(Resolved resolved) {
    return Answer.of(resolved, json);
  }

  /** The event-feed listener: anything that happened to a model may change its resolutions. */
  public void onEvent(StoredEvent event) {
    if (event.model() != null) {
      invalidate(new ModelKey(event.project(), event.model()));
    }
  }

  private void invalidate(ModelKey key) {
    epoch(key).incrementAndGet();
    entries.remove(key);
  }

  private AtomicLong epoch(ModelKey key) {
    return epochs.computeIfAbsent(key, k -> new AtomicLong());
  }
}
