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

  /** Longer than an attempt can take ({@link WebhookSender#DEADLINE}, its hard total). */
  static final Duration LEASE = Duration.ofSeconds(45);

  /**
   * Due rows, oldest first, of endpoints that have fewer than {@link WebhookSender#PER_ENDPOINT}
   * rows leased (on any replica), at most that many per endpoint counting those: an endpoint's
   * backlog cannot take every sending slot, and no claimed row waits for a connection while its
   * lease runs out. The leased count reads the partial index {@code webhook_deliveries_leased}.
   */
  private static final String CLAIM =
      "WITH candidates AS ("
          + "   SELECT q.id, q.endpoint_id, q.next_attempt_at, q.created_at FROM webhook_deliveries q"
          + "   JOIN webhook_endpoints qe ON qe.id = q.endpoint_id"
          + "   WHERE q.state = ? AND q.next_attempt_at <= now()"
          + "   AND (q.lease_until IS NULL OR q.lease_until < now()) AND qe.status = ?"
          + "   AND (SELECT COUNT(*) FROM webhook_deliveries l WHERE l.endpoint_id = q.endpoint_id"
          + "     AND l.state = ? AND l.lease_until >= now()) < ?"
          + "   ORDER BY q.next_attempt_at, q.created_at, q.id LIMIT ?"
          + "   FOR UPDATE OF q SKIP LOCKED),"
          + " chosen AS ("
          + "   SELECT r.id FROM (SELECT c.id, c.next_attempt_at, c.created_at,"
          + "     ROW_NUMBER() OVER (PARTITION BY c.endpoint_id"
          + "       ORDER BY c.next_attempt_at, c.created_at, c.id)"
          + "     + (SELECT COUNT(*) FROM webhook_deliveries l WHERE l.endpoint_id = c.endpoint_id"
          + "       AND l.state = ? AND l.lease_until >= now()) AS slot"
          + "     FROM candidates c) r"
          + "   WHERE r.slot <= ?)"
          + " UPDATE webhook_deliveries d"
          + " SET lease_until = now() + make_interval(secs => ?), attempts = d.attempts + 1"
          + " FROM chosen c, webhook_endpoints e"
          + " WHERE d.id = c.id AND e.id = d.endpoint_id"
          + " RETURNING d.id, d.endpoint_id, d.event_type, CAST(d.data AS text) AS data,"
          + " d.created_at, d.attempts, e.url, e.format, e.secret, e.previous_secret,"
          + " e.previous_until > now() AS previous_valid";

  private static final String ATTEMPT =
      "INSERT INTO webhook_attempts"
          + " (delivery_id, attempt, at, status_code, latency_ms, response_excerpt, error)"
          + " VALUES (CAST(? AS uuid), ?, now(), ?, ?, ?, ?) ON CONFLICT DO NOTHING";

  /**
   * The outcome is recorded only by the claim that made the attempt: {@code attempts} counts
   * claims, so a row claimed again since (its lease ran out) no longer matches, and a late
   * attempt's outcome cannot overwrite the newer one's.
   */
  private static final String OURS = " WHERE id = CAST(? AS uuid) AND attempts = ?";

  private static final String DELIVERED =
      "UPDATE webhook_deliveries SET state = ?, delivered_at = now(), lease_until = NULL" + OURS;
  private static final String RETRY =
      "UPDATE webhook_deliveries"
          + " SET next_attempt_at = now() + make_interval(secs => ?), lease_until = NULL"
          + OURS;
  private static final String GIVE_UP =
      "UPDATE webhook_deliveries SET state = ?, lease_until = NULL" + OURS;
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
  record Depth(double pending, double oldestSeconds) {}

  private final Db db;

  DeliveryQueue(Db db) {
    this.db = db;
  }

  List<Claimed> claim(int limit) {
    String pending = DeliveryState.PENDING.name();
    return db.inTransaction(
        tx ->
            Db.list(
                tx,
                CLAIM,
                DeliveryQueue::claimed,
                pending,
                EndpointStatus.ACTIVE.name(),
                pending,
                WebhookSender.PER_ENDPOINT,
                limit,
                pending,
                WebhookSender.PER_ENDPOINT,
                (double) LEASE.toSeconds()));
  }

  /**
   * Ends {@code row}'s claim with {@code outcome}; false, and nothing written, when the row was
   * claimed again since (this attempt outlived its lease).
   */
  boolean record(Claimed row, WebhookSender.Outcome outcome, Next next) {
    return db.inTransaction(
        tx -> {
          long changed =
              switch (next) {
                case Next.Delivered d ->
                    tx.dml(DELIVERED, DeliveryState.DELIVERED.name(), row.id(), row.attempt());
                case Next.Retry r ->
                    tx.dml(RETRY, (double) r.after().toMillis() / 1000, row.id(), row.attempt());
                case Next.GiveUp g -> {
                  long n = tx.dml(GIVE_UP, DeliveryState.FAILED.name(), row.id(), row.attempt());
                  if (n == 1) {
                    g.disableEndpoint()
                        .ifPresent(
                            why ->
                                tx.dml(
                                    DISABLE, EndpointStatus.DISABLED.name(), why, row.endpoint()));
                  }
                  yield n;
                }
              };
          if (changed == 0) {
            return false;
          }
          tx.dml(
              ATTEMPT,
              row.id(),
              row.attempt(),
              outcome.status() == 0 ? null : outcome.status(),
              outcome.latency().toMillis(),
              outcome.excerpt(),
              outcome.error());
          return true;
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
