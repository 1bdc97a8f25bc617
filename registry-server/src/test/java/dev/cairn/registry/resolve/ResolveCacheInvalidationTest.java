package dev.cairn.registry.resolve;

import static dev.cairn.registry.resolve.ResolveCaches.counting;
import static dev.cairn.registry.resolve.ResolveCaches.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.Resolved;
import dev.cairn.registry.events.StoredEvent;
import dev.cairn.registry.metrics.Metrics;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 27 item 7 and review 12 item 15, what drops a cached resolution: the resolve cache never
 * stores an answer computed from data older than an invalidation of its model (an event of the
 * model, or a trust policy change of its project), even when that invalidation has no slot (the
 * model had none, or it was evicted meanwhile). How big the cache grows is {@link
 * ResolveCacheBoundsTest}.
 */
class ResolveCacheInvalidationTest {

  private static ResolveCache cache(long size) {
    return ResolveCaches.cache(new Metrics(), size);
  }

  @Test
  void anEventOfTheModelDropsItsResolutionsOnly() {
    ResolveCache cache = cache(100);
    AtomicInteger m = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    cache.get("p", "m", "production", counting(m, "v1"));
    cache.get("p", "other", "production", counting(other, "v1"));

    cache.onEvent(event("p", "m"));
    Answer after = cache.get("p", "m", "production", counting(m, "v2"));
    cache.get("p", "other", "production", counting(other, "v9"));

    assertThat(after.resolved().version().version()).isEqualTo("v2");
    assertThat(m).hasValue(2);
    assertThat(other).hasValue(1);
  }

  @Test
  void aResolutionComputedAcrossAnInvalidationIsAnsweredButNotStored() {
    Across across = resolvedAcross(event("p", "m"), "v2"); // the alias moved while this was read

    assertThat(across.first().resolved().version().version()).isEqualTo("v1");
    assertThat(across.next().resolved().version().version()).isEqualTo("v2");
    assertThat(across.computed()).hasValue(2);
  }

  @Test
  void aStaleResolutionIsNotAddedToAModelsCachedOnes() {
    assertThat(computedAroundAStaleStaging(event("p", "m"), "v2")).hasValue(3);
  }

  @Test
  void anInvalidationEvictedDuringTheComputationStillKeepsItOut() {
    ResolveCache cache = cache(3);
    for (int round = 0; round < 20; round++) {
      String model = "m" + round;
      cache.get(
          "p",
          model,
          "production",
          () -> {
            cache.onEvent(event("p", model));
            // Crowd the invalidation's slot out, so the store may find no slot, as at the start.
            // Hot entries, so the cache's admission policy prefers them to the invalidation's slot.
            for (int i = 0; i < 20; i++) {
              for (int hit = 0; hit < 5; hit++) {
                cache.get(
                    "p", model + "-crowd-" + i, "production", counting(new AtomicInteger(), "v"));
              }
              cache.weight();
            }
            return resolved("v1");
          });
      AtomicInteger computed = new AtomicInteger();

      cache.get("p", model, "production", counting(computed, "v2"));

      assertThat(computed).as("round %d", round).hasValue(1);
    }
  }

  /**
   * Review 12 item 15: the trust event dropped only models that had a slot, so a resolution of a
   * model without one, judged under the old policy, was stored and served until the model's next
   * event.
   */
  @Test
  void aResolutionJudgedUnderAReplacedTrustPolicyIsAnsweredButNotStored() {
    Across across = resolvedAcross(trustUpdated("p"), "v1"); // a key removed while this was judged

    assertThat(across.computed())
        .as("the second resolve computes again under the new policy")
        .hasValue(2);
  }

  @Test
  void aResolutionJudgedUnderAReplacedTrustPolicyIsNotAddedToAModelsCachedOnes() {
    assertThat(computedAroundAStaleStaging(trustUpdated("p"), "v1")).hasValue(3);
  }

  @Test
  void aTrustChangeOfAnotherProjectKeepsThisOnesResolutions() {
    ResolveCache cache = cache(100);
    AtomicInteger computed = new AtomicInteger();
    cache.get("p", "m", "production", counting(computed, "v1"));

    cache.onEvent(trustUpdated("q"));
    cache.get("p", "m", "production", counting(computed, "v1"));

    assertThat(computed).hasValue(1);
  }

  /** The two answers of p/m/production when the first computation saw {@code invalidation}. */
  private record Across(Answer first, Answer next, AtomicInteger computed) {}

  /**
   * The model-event and trust-change variants differ only in the invalidation that lands while the
   * first resolution of p/m/production is computed; the second one answers {@code next}.
   */
  private static Across resolvedAcross(StoredEvent invalidation, String next) {
    ResolveCache cache = cache(100);
    AtomicInteger computed = new AtomicInteger();
    Supplier<Resolved> stale =
        () -> {
          computed.incrementAndGet();
          cache.onEvent(invalidation);
          return resolved("v1");
        };

    Answer first = cache.get("p", "m", "production", stale);
    Answer second = cache.get("p", "m", "production", counting(computed, next));
    return new Across(first, second, computed);
  }

  /**
   * Caches p/m/production, resolves p/m/staging across {@code invalidation}, then both again
   * (answering {@code next}); the count says how many of the four were computed.
   */
  private static AtomicInteger computedAroundAStaleStaging(StoredEvent invalidation, String next) {
    ResolveCache cache = cache(100);
    AtomicInteger computed = new AtomicInteger();
    cache.get("p", "m", "production", counting(computed, "v1"));
    cache.get(
        "p",
        "m",
        "staging",
        () -> {
          cache.onEvent(invalidation);
          return resolved("v1");
        });

    cache.get("p", "m", "staging", counting(computed, next));
    cache.get("p", "m", "production", counting(computed, next));
    return computed;
  }

  private static StoredEvent event(String project, String model) {
    return new StoredEvent(1, Instant.now(), project, model, "alias.updated", null);
  }

  private static StoredEvent trustUpdated(String project) {
    return new StoredEvent(1, Instant.now(), project, null, "trust.updated", null);
  }
}
