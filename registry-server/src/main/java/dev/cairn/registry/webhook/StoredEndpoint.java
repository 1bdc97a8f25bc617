package dev.cairn.registry.webhook;

import dev.cairn.client.model.Webhook;
import dev.cairn.registry.outbox.EndpointStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook endpoint's row; its secrets stay sealed ({@link SecretBox}) until a send opens them.
 */
record StoredEndpoint(
    UUID id,
    String project,
    String url,
    List<String> events,
    EndpointStatus status,
    String description,
    String format,
    byte[] secret,
    byte[] previousSecret,
    Instant previousUntil,
    String disabledReason,
    Instant createdAt,
    String createdBy,
    Instant updatedAt) {

  /** The wire view, without any secret. */
  Webhook view() {
    return withSecret(null);
  }

  /** The wire view carrying a freshly made secret, shown this once. */
  Webhook withSecret(String shownOnce) {
    return new Webhook(
        id.toString(),
        project,
        url,
        events,
        status.name(),
        description,
        format,
        disabledReason,
        createdAt,
        createdBy,
        updatedAt,
        shownOnce);
  }
}
