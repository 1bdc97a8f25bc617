package dev.cairn.registry.resolve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cairn.client.model.Resolved;
import dev.cairn.registry.events.StoredEvent;
import dev.cairn.registry.metrics.DomainMetrics;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;

/**
 * Resolutions per (project, model), dropped whole on any event of that model, from any replica;
 * bounded to {@code maxResolutions} (Caffeine, W-TinyLFU). An epoch per model keeps a resolution
 * computed from data older than an invalidation out of the cache: it is answered, but not stored.
 *
 * <p>The epoch lives in the model's slot, so evicting a slot drops its epoch too. Epochs are never
 * handed out twice, so a slot evicted and filled again during a computation has another epoch than
 * the one the computation started from. A computation that started with no slot stores only if no
 * slot appeared meanwhile (an invalidation creates one) and no slot younger than the computation
 * was evicted meanwhile from the model's stripe (an invalidation's slot might have been).
 *
 * <p>A new trust policy changes every resolution of its project (each says whether its signature is
 * trusted), including those of models with no slot yet. It bumps a counter of the project's stripe
 * before dropping the project's slots; a computation stores only if that counter is the one it read
 * at its start, so an answer judged under the old policy is never kept (issue 28, review 12 item
 * 15). A slot stored before the bump is dropped by the sweep that follows it.
 */
public final class ResolveCache {

  private static final long NO_SLOT = -1;
  private static final int STRIPES = 64;

  /** The event of a project's new trust policy ({@code signature.TrustService}). */
  private static final String TRUST_UPDATED = "trust.updated";

  private record ModelKey(String project, String model) {}

  /** A model's cached answers by selector, and the epoch they were computed in. Immutable. */
  private record Slot(long epoch, Map<String, Answer> answers) {

    Slot with(String selector, Answer answer) {
      Map<String, Answer> more = new HashMap<>(answers);
      more.put(selector, answer);
      return new Slot(epoch, Map.copyOf(more));
    }

    int weight() {
      return Math.max(1, answers.size());
    }
  }

  private final Cache<ModelKey, Slot> slots;
  private final AtomicLong epochs = new AtomicLong();

  /** Per stripe of models, the newest epoch of a slot evicted from it. */
  private final AtomicLongArray evicted = new AtomicLongArray(STRIPES);

  /** Per stripe of projects, how many trust policies changed in it. */
  private final AtomicLongArray trustChanges = new AtomicLongArray(STRIPES);

  private final DomainMetrics metrics;
  private final ObjectMapper json;

  /** {@code json} writes each answer's body once, with the API's mapper. */
  public ResolveCache(DomainMetrics metrics, ObjectMapper json, long maxResolutions) {
    if (maxResolutions < 1) {
      throw new IllegalArgumentException("a resolve cache holds at least one resolution");
    }
    this.metrics = metrics;
    this.json = json;
    this.slots =
        Caffeine.newBuilder()
            .maximumWeight(maxResolutions)
            .<ModelKey, Slot>weigher((key, slot) -> slot.weight())
            // Runs inside the eviction's atomic step, so a store that finds the slot gone also
            // sees that an invalidation may have gone with it.
            .evictionListener(
                (key, slot, cause) -> {
                  if (key != null && slot != null && cause != null && cause.wasEvicted()) {
                    evicted.accumulateAndGet(stripe(key), slot.epoch(), Math::max);
                  }
                })
            .recordStats()
            .build();
    metrics.resolveCacheObserved(() -> slots.stats().evictionWeight(), this::weightNow);
  }

  /** The cached resolution of {@code selector}, computing (and caching) it when absent. */
  Answer get(String project, String model, String selector, Supplier<Resolved> compute) {
    ModelKey key = new ModelKey(project, model);
    // Read before the slot: an invalidation numbered up to here committed before this reads.
    long start = epochs.get();
    long trust = trustChanges.get(projectStripe(project));
    Slot slot = slots.getIfPresent(key);
    Answer cached = slot == null ? null : slot.answers().get(selector);
    if (cached != null) {
      metrics.resolveCacheHit();
      return cached;
    }
    metrics.resolveCacheMiss();
    long seen = slot == null ? NO_SLOT : slot.epoch();
    Answer fresh = Answer.of(compute.get(), json);
    slots
        .asMap()
        .compute(
            key,
            (k, current) -> {
              long now = current == null ? NO_SLOT : current.epoch();
              if (now != seen
                  || (current == null && evicted.get(stripe(k)) > start)
                  || trustChanges.get(projectStripe(project)) != trust) {
                return current;
              }
              return current == null
                  ? new Slot(epochs.incrementAndGet(), Map.of(selector, fresh))
                  : current.with(selector, fresh);
            });
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
    } else if (TRUST_UPDATED.equals(event.type())) {
      // Every resolution of the project says whether its signature is trusted (issue 28). The
      // count first: a computation that misses the sweep below sees it when it stores.
      trustChanges.incrementAndGet(projectStripe(event.project()));
      slots.asMap().keySet().stream()
          .filter(key -> key.project().equals(event.project()))
          .toList()
          .forEach(this::invalidate);
    }
  }

  /** Resolutions cached now (for tests; a model's empty slot counts one). */
  long weight() {
    slots.cleanUp();
    return weightNow();
  }

  private long weightNow() {
    return slots.policy().eviction().orElseThrow().weightedSize().orElse(0);
  }

  private static int stripe(ModelKey key) {
    return key.hashCode() & (STRIPES - 1);
  }

  private static int projectStripe(String project) {
    return project.hashCode() & (STRIPES - 1);
  }

  private void invalidate(ModelKey key) {
    // A new epoch, not a removal: a computation under way for this model must see it changed.
    slots.asMap().put(key, new Slot(epochs.incrementAndGet(), Map.of()));
  }
}
