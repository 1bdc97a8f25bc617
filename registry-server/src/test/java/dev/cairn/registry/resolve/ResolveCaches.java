package dev.cairn.registry.resolve;

import dev.cairn.client.CairnJson;
import dev.cairn.client.model.Manifest;
import dev.cairn.client.model.Resolved;
import dev.cairn.client.model.Version;
import dev.cairn.registry.metrics.DomainMetrics;
import dev.cairn.registry.metrics.Metrics;
import dev.cairn.registry.testing.VersionBuilder;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What the resolve cache tests hand the cache: a cache of a given size, and resolutions that count
 * how often the cache had them computed.
 */
final class ResolveCaches {

  private ResolveCaches() {}

  static ResolveCache cache(Metrics metrics, long size) {
    return new ResolveCache(new DomainMetrics(metrics), CairnJson.strictMapper(), size);
  }

  /** A resolution of {@code version} that counts each computation in {@code computed}. */
  static Supplier<Resolved> counting(AtomicInteger computed, String version) {
    return () -> {
      computed.incrementAndGet();
      return resolved(version);
    };
  }

  /** {@code m@production} pointing at {@code version} of model {@code m}. */
  static Resolved resolved(String version) {
    Version v =
        VersionBuilder.version()
            .version(version)
            .content("sha256:" + "0".repeat(64), 1L)
            .readyAt(Instant.EPOCH)
            .build();
    return new Resolved(
        "m@production", "m", "production", 1L, "default", v, new Manifest(v.digest(), List.of()));
  }
}
