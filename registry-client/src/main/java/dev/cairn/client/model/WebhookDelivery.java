package dev.cairn.client.model;

import java.time.Instant;
import java.util.List;

/**
 * One event queued for one webhook endpoint: its {@code id} is the {@code webhook-id} every attempt
 * carries; {@code state} is PENDING, DELIVERED or FAILED (retries exhausted, or the endpoint
 * answered 410); {@code attempts} newest first.
 */
public record WebhookDelivery(
    String id,
    String webhookId,
    String eventType,
    String state,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant deliveredAt,
    List<Attempt> attempts) {

  /** One attempt: the answer's status (null when none came), latency, and what it said. */
  public record Attempt(
      int attempt,
      Instant at,
      Integer statusCode,
      long latencyMs,
      String responseExcerpt,
      String error) {}
}
