package dev.cairn.registry;

import dev.cairn.registry.integrity.IntegrityStatus;
import dev.cairn.registry.metrics.DomainMetrics;
import dev.cairn.registry.metrics.Metrics;
import dev.cairn.registry.metrics.WebhookMetrics;
import dev.cairn.registry.service.HttpMetrics;

/**
 * What the registry counts, all on one {@code /metrics} registry: requests, domain events (audit
 * rows, publications, resolve cache), the integrity checks' progress and webhook delivery.
 */
record Meters(
    HttpMetrics http, DomainMetrics domain, IntegrityStatus integrity, WebhookMetrics webhooks) {

  static Meters create(long scrubBytesPerSecond) {
    Metrics registry = new Metrics();
    return new Meters(
        new HttpMetrics(registry),
        new DomainMetrics(registry),
        new IntegrityStatus(registry, scrubBytesPerSecond),
        new WebhookMetrics(registry));
  }
}
