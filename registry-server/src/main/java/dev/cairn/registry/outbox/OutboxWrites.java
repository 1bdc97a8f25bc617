package dev.cairn.registry.outbox;

import dev.cairn.registry.db.LeadingWrites;
import dev.cairn.registry.db.Rows;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * The outbox fan-out of one event: a row per active endpoint of the event's (live) project, by its
 * id, subscribed to it, written as a leading write of the journal's event statement, so the event
 * and its webhook jobs commit or roll back together, in the same round trip. The row's id, made
 * here by the database, is the {@code webhook-id} of every attempt.
 */
public final class OutboxWrites {

  private static final String FAN_OUT =
      "INSERT INTO webhook_deliveries"
          + " (id, endpoint_id, event_type, data, created_at, state, attempts, next_attempt_at)"
          + " SELECT gen_random_uuid(), e.id, ?, CAST(? AS jsonb), ?, ?, 0, now()"
          + " FROM webhook_endpoints e"
          + " WHERE e.project_id = (SELECT p.id FROM projects p"
          + "   WHERE p.name = ? AND p.deleted_at IS NULL)"
          + " AND e.status = ? AND e.events && CAST(? AS text[])";

  private OutboxWrites() {}

  /** {@code preceding}, then the fan-out of {@code event} in {@code project} at {@code at}. */
  public static LeadingWrites fanOut(
      LeadingWrites preceding, String project, WebhookEvents.Outgoing event, Instant at) {
    // Names are [a-z_.*] only (WebhookEvents), so the array literal needs no escaping beyond
    // the quotes.
    String subscriptions =
        event.subscriptions().stream()
            .map(s -> '"' + s + '"')
            .collect(Collectors.joining(",", "{", "}"));
    return preceding.then(
        FAN_OUT,
        event.name(),
        event.data().toString(),
        Rows.param(at),
        DeliveryState.PENDING.name(),
        project,
        EndpointStatus.ACTIVE.name(),
        subscriptions);
  }
}
