package dev.cairn.registry.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.outbox.DeliveryState;
import dev.cairn.registry.outbox.EndpointStatus;
import io.helidon.dbclient.DbRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox as a work queue shared by every replica. {@link #claim} takes due rows with {@code FOR
 * UPDATE SKIP LOCKED} and leases them in the same statement, so two replicas never attempt one row
 * at once; {@link #record} ends the lease with the attempt's outcome. A replica that dies holding a
 * lease leaves a row that is claimed again once the lease ends: at-least-once, with the same {@code
 * webhook-id}. Times are the database's, so replicas' clocks do not matter.
 */
final class DeliveryQueue {

  /** Longer than an attempt can take (15 s to connect, 15 s for the answer). */
  static final Duration LEASE = Duration.ofSeconds(45);

  private static final String CLAIM =
      "UPDATE webhook_deliveries d"
          + " SET lease_until = now() + make_interval(secs => ?), attempts = d.attempts + 1"
          + " FROM (SELECT q.id FROM webhook_deliveries q"
          + "   JOIN webhook_endpoints qe ON qe.id = q.endpoint_id"
          + "   WHERE q.state = ? AND q.next_attempt_at <= now()"
          + "   AND (q.lease_until IS NULL OR q.lease_until < now()) AND qe.status = ?"
          + "   ORDER BY q.next_attempt_at, q.created_at, q.id LIMIT ?"
          + "   FOR UPDATE OF q SKIP LOCKED) c,"
          + " webhook_endpoints e"
          + " WHERE d.id = c.id AND e.id = d.endpoint_id"
          + " RETURNING d.id, d.endpoint_id, d.event_type, CAST(d.data AS text) AS data,"
          + " d.created_at, d.attempts, e.url, e.format, e.secret, e.previous_secret,"
          + " e.previous_until > now() AS previous_valid";
  private static final String ATTEMPT =
      "INSERT INTO webhook_attempts"
          + " (delivery_id, attempt, at, status_code, latency_ms, response_excerpt, error)"
          + " VALUES (CAST(? AS uuid), ?, now(), ?, ?, ?, ?) ON CONFLICT DO NOTHING";
  private static final String DELIVERED =
      "UPDATE webhook_deliveries SET state = ?, delivered_at = now(), lease_until = NULL"
          + " WHERE id = CAST(? AS uuid)";
  private static final String RETRY =
      "UPDATE webhook_deliveries"
          + " SET next_attempt_at = now() + make_interval(secs => ?), lease_until = NULL"
          + " WHERE id = CAST(? AS uuid)";
  private static final String GIVE_UP =
      "UPDATE webhook_deliveries SET state = ?, lease_until = NULL WHERE id = CAST(? AS uuid)";
  private static final String DISABLE =
      "UPDATE webhook_endpoints SET status = ?, disabled_reason = ?, updated_at = now()"
          + " WHERE id = CAST(? AS uuid)";

  /** Rows waiting for an attempt: those of a disabled endpoint wait for nothing. */
  private static final String DEPTH =
      "SELECT COUNT(*) AS n, EXTRACT(EPOCH FROM now() - MIN(d.created_at)) AS age"
          + " FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id"
          + " WHERE d.state = ? AND e.status = ?";

  /** A claimed row: what to send, where, and with which (sealed) secrets. */
  record Claimed(
      UUID id,
      UUID endpoint,
      String type,
      JsonNode data,
      Instant createdAt,
      int attempt,
      String url,
      String format,
      byte[] secret,
      Optional<byte[]> previous) {}

  /** How the attempt ends the row: delivered, retried after a delay, or failed for good. */
  sealed interface Next {
    record Delivered() implements Next {}

    record Retry(Duration after) implements Next {}

    record GiveUp(Optional<String> disableEndpoint) implements Next {}
  }

  /** Queue depth and the age of the oldest pending row, for the metrics. */
  record Depth(long pending, double oldestSeconds) {}

  private final Db db;

  DeliveryQueue(Db db) {
    this.db = db;
  }

  List<Claimed> claim(int limit) {
    return db.inTransaction(
        tx ->
            Db.list(
                tx,
                CLAIM,
                DeliveryQueue::claimed,
                (double) LEASE.toSeconds(),
                DeliveryState.PENDING.name(),
                EndpointStatus.ACTIVE.name(),
                limit));
  }

  void record(Claimed row, WebhookSender.Outcome outcome, Next next) {
    db.inTransaction(
        tx -> {
          tx.dml(
              ATTEMPT,
              row.id(),
              row.attempt(),
              outcome.status() == 0 ? null : outcome.status(),
              outcome.latency().toMillis(),
              outcome.excerpt(),
              outcome.error());
          switch (next) {
            case Next.Delivered d -> tx.dml(DELIVERED, DeliveryState.DELIVERED.name(), row.id());
            case Next.Retry r -> tx.dml(RETRY, (double) r.after().toMillis() / 1000, row.id());
            case Next.GiveUp g -> {
              tx.dml(GIVE_UP, DeliveryState.FAILED.name(), row.id());
              g.disableEndpoint()
                  .ifPresent(
                      why -> tx.dml(DISABLE, EndpointStatus.DISABLED.name(), why, row.endpoint()));
            }
          }
          return null;
        });
  }

  Depth depth() {
    return db.read(
            exec -> exec.get(DEPTH, DeliveryState.PENDING.name(), EndpointStatus.ACTIVE.name()))
        .map(
            r -> {
              Object age = Rows.raw(r, "age");
              return new Depth(
                  Rows.longValue(r, "n"), age == null ? 0 : ((Number) age).doubleValue());
            })
        .orElse(new Depth(0, 0));
  }

  private static Claimed claimed(DbRow r) {
    Object valid = Rows.raw(r, "previous_valid");
    byte[] previous = WebhookRepository.bytes(r, "previous_secret");
    return new Claimed(
        UUID.fromString(Rows.string(r, "id")),
        UUID.fromString(Rows.string(r, "endpoint_id")),
        Rows.string(r, "event_type"),
        Rows.fromJson(Rows.string(r, "data"), JsonNode.class),
        Rows.instant(r, "created_at"),
        ((Number) Rows.raw(r, "attempts")).intValue(),
        Rows.string(r, "url"),
        Rows.string(r, "format"),
        WebhookRepository.bytes(r, "secret"),
        Boolean.TRUE.equals(valid) && previous != null ? Optional.of(previous) : Optional.empty());
  }
}
