package dev.cairn.registry.resolve;

import static dev.cairn.registry.resolve.ResolveCaches.counting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.registry.metrics.Metrics;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 27 item 7, how big the resolve cache grows and what it counts: it was two unbounded maps
 * (one entry per model ever resolved or written to); it holds its bound now, at least one
 * resolution, and counts hits, misses and evictions. That it never keeps a stale answer is {@link
 * ResolveCacheInvalidationTest}.
 */
class ResolveCacheBoundsTest {

  private final Metrics metrics = new Metrics();

  @Test
  void theBoundHoldsAndEvictionsAreCounted() {
    ResolveCache cache = ResolveCaches.cache(metrics, 50);
    for (int i = 0; i < 1_000; i++) {
      cache.get("p", "model-" + i, "production", counting(new AtomicInteger(), "v1"));
      cache.get("p", "model-" + i, "staging", counting(new AtomicInteger(), "v1"));
    }

    assertThat(cache.weight()).isBetween(1L, 50L);
    assertThat(value("cairn_resolve_cache_evictions_total")).isGreaterThan(0);
    assertThat(value("cairn_resolve_cache_size")).isEqualTo(cache.weight());
  }

  @Test
  void hitsAndMissesAreCounted() {
    ResolveCache cache = ResolveCaches.cache(metrics, 100);
    AtomicInteger computed = new AtomicInteger();
    for (int i = 0; i < 5; i++) {
      cache.get("p", "m", "production", counting(computed, "v1"));
    }

    assertThat(computed).hasValue(1);
    assertThat(value("cairn_resolve_cache_total{result=\"miss\"}")).isEqualTo(1);
    assertThat(value("cairn_resolve_cache_total{result=\"hit\"}")).isEqualTo(4);
    assertThat(value("cairn_resolve_cache_evictions_total")).isZero();
  }

  @Test
  void aCacheHoldsAtLeastOneResolution() {
    assertThatThrownBy(() -> ResolveCaches.cache(metrics, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private double value(String series) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics.prometheus());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
