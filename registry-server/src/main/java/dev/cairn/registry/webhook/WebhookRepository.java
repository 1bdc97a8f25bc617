package dev.cairn.registry.webhook;

import dev.cairn.client.model.WebhookDelivery;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.outbox.DeliveryState;
import dev.cairn.registry.outbox.EndpointStatus;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** SQL of webhook endpoints and of the delivery log (reads and the admin's writes). */
final class WebhookRepository {

  private static final String COLUMNS =
      "id, project, url, CAST(array_to_json(events) AS text) AS events, status, description,"
          + " format, secret, previous_secret, previous_until, disabled_reason, created_at,"
          + " created_by, updated_at";

  /** The live project of a name: endpoints are its (review 12/3), not the name's. */
  private static final String PROJECT_ID =
      "(SELECT id FROM projects WHERE name = ? AND deleted_at IS NULL)";

  private static final String INSERT =
      "INSERT INTO webhook_endpoints (id, project_id, project, url, events, status, description,"
          + " format, secret, created_at, created_by, updated_at)"
          + " VALUES (CAST(? AS uuid), "
          + PROJECT_ID
          + ", ?, ?, CAST(? AS text[]), ?, ?, ?, ?, ?, ?, ?)";
  private static final String FIND =
      "SELECT "
          + COLUMNS
          + " FROM webhook_endpoints WHERE id = CAST(? AS uuid) AND project_id = "
          + PROJECT_ID;
  private static final String LOCK = FIND + " FOR UPDATE";
  private static final String LIST =
      "SELECT "
          + COLUMNS
          + " FROM webhook_endpoints WHERE project_id = "
          + PROJECT_ID
          + " ORDER BY created_at, id";
  private static final String COUNT =
      "SELECT COUNT(*) AS n FROM webhook_endpoints WHERE project_id = " + PROJECT_ID;
  private static final String UPDATE =
      "UPDATE webhook_endpoints SET url = ?, events = CAST(? AS text[]), status = ?,"
          + " description = ?, format = ?, disabled_reason = ?, updated_at = ?"
          + " WHERE id = CAST(? AS uuid)";
  private static final String ROTATE =
      "UPDATE webhook_endpoints SET secret = ?, previous_secret = ?, previous_until = ?,"
          + " updated_at = ? WHERE id = CAST(? AS uuid)";
  private static final String DELETE = "DELETE FROM webhook_endpoints WHERE id = CAST(? AS uuid)";
  private static final String DELIVERIES =
      "SELECT id, endpoint_id, event_type, state, created_at, next_attempt_at, delivered_at"
          + " FROM webhook_deliveries WHERE endpoint_id = CAST(? AS uuid)"
          + " ORDER BY created_at DESC, id LIMIT ?";
  private static final String ATTEMPTS =
      "SELECT delivery_id, attempt, at, status_code, latency_ms, response_excerpt, error"
          + " FROM webhook_attempts WHERE delivery_id = ANY (CAST(? AS uuid[]))"
          + " ORDER BY attempt DESC";

  /**
   * Only a row no attempt holds: clearing a live lease would let the next claim send the same
   * delivery while the first attempt is still on its way, and their outcomes race.
   */
  private static final String REDELIVER =
      "UPDATE webhook_deliveries SET state = ?, next_attempt_at = now(), lease_until = NULL"
          + " WHERE id = CAST(? AS uuid) AND endpoint_id = CAST(? AS uuid)"
          + " AND (lease_until IS NULL OR lease_until < now())";

  private static final String DELIVERY_EXISTS =
      "SELECT 1 AS one FROM webhook_deliveries"
          + " WHERE id = CAST(? AS uuid) AND endpoint_id = CAST(? AS uuid)";
  private static final String ENQUEUE =
      "INSERT INTO webhook_deliveries"
          + " (id, endpoint_id, event_type, data, created_at, state, attempts, next_attempt_at)"
          + " VALUES (CAST(? AS uuid), CAST(? AS uuid), ?, CAST(? AS jsonb), ?, ?, 0, now())";

  void insert(DbExecute tx, StoredEndpoint e) {
    tx.dml(
        INSERT,
        e.id(),
        e.project(),
        e.project(),
        e.url(),
        array(e.events()),
        e.status().name(),
        e.description(),
        e.format(),
        e.secret(),
        Rows.param(e.createdAt()),
        e.createdBy(),
        Rows.param(e.updatedAt()));
  }

  Optional<StoredEndpoint> find(DbExecute exec, String project, UUID id) {
    return exec.get(FIND, id, project).map(WebhookRepository::endpoint);
  }

  Optional<StoredEndpoint> lock(DbExecute tx, String project, UUID id) {
    return tx.get(LOCK, id, project).map(WebhookRepository::endpoint);
  }

  List<StoredEndpoint> list(DbExecute exec, String project) {
    return Db.list(exec, LIST, WebhookRepository::endpoint, project);
  }

  long count(DbExecute exec, String project) {
    return exec.get(COUNT, project).map(r -> Rows.longValue(r, "n")).orElse(0L);
  }

  void update(DbExecute tx, StoredEndpoint e) {
    tx.dml(
        UPDATE,
        e.url(),
        array(e.events()),
        e.status().name(),
        e.description(),
        e.format(),
        e.disabledReason(),
        Rows.param(e.updatedAt()),
        e.id());
  }

  void rotate(DbExecute tx, UUID id, byte[] secret, byte[] previous, Instant until, Instant at) {
    tx.dml(ROTATE, secret, previous, Rows.param(until), Rows.param(at), id);
  }

  void delete(DbExecute tx, UUID id) {
    tx.dml(DELETE, id);
  }

  /** What a redelivery came to. */
  enum Redelivery {
    QUEUED,
    IN_FLIGHT,
    NOT_FOUND
  }

  /** Puts delivery {@code delivery} of {@code endpoint} back in the queue unless it is leased. */
  Redelivery redeliver(DbExecute tx, UUID endpoint, UUID delivery) {
    if (tx.dml(REDELIVER, DeliveryState.PENDING.name(), delivery, endpoint) == 1) {
      return Redelivery.QUEUED;
    }
    return tx.get(DELIVERY_EXISTS, delivery, endpoint).isPresent()
        ? Redelivery.IN_FLIGHT
        : Redelivery.NOT_FOUND;
  }

  void enqueue(DbExecute tx, UUID delivery, UUID endpoint, String type, String data, Instant at) {
    tx.dml(ENQUEUE, delivery, endpoint, type, data, Rows.param(at), DeliveryState.PENDING.name());
  }

  /** The newest {@code limit} deliveries of {@code endpoint}, each with its attempts. */
  List<WebhookDelivery> deliveries(DbExecute exec, UUID endpoint, int limit) {
    List<WebhookDelivery> bare =
        Db.list(exec, DELIVERIES, WebhookRepository::delivery, endpoint, limit);
    if (bare.isEmpty()) {
      return List.of();
    }
    String ids = bare.stream().map(WebhookDelivery::id).collect(Collectors.joining(",", "{", "}"));
    Map<String, List<WebhookDelivery.Attempt>> attempts = new LinkedHashMap<>();
    for (Map.Entry<String, WebhookDelivery.Attempt> a :
        Db.list(exec, ATTEMPTS, WebhookRepository::attempt, ids)) {
      attempts.computeIfAbsent(a.getKey(), k -> new ArrayList<>()).add(a.getValue());
    }
    return bare.stream()
        .map(
            d ->
                new WebhookDelivery(
                    d.id(),
                    d.webhookId(),
                    d.eventType(),
                    d.state(),
                    d.createdAt(),
                    d.nextAttemptAt(),
                    d.deliveredAt(),
                    attempts.getOrDefault(d.id(), List.of())))
        .toList();
  }

  private static WebhookDelivery delivery(DbRow r) {
    return new WebhookDelivery(
        Rows.string(r, "id"),
        Rows.string(r, "endpoint_id"),
        Rows.string(r, "event_type"),
        Rows.string(r, "state"),
        Rows.instant(r, "created_at"),
        Rows.instant(r, "next_attempt_at"),
        Rows.instant(r, "delivered_at"),
        List.of());
  }

  private static Map.Entry<String, WebhookDelivery.Attempt> attempt(DbRow r) {
    Object status = Rows.raw(r, "status_code");
    return Map.entry(
        Rows.string(r, "delivery_id"),
        new WebhookDelivery.Attempt(
            ((Number) Rows.raw(r, "attempt")).intValue(),
            Rows.instant(r, "at"),
            status == null ? null : ((Number) status).intValue(),
            Rows.longValue(r, "latency_ms"),
            Rows.string(r, "response_excerpt"),
            Rows.string(r, "error")));
  }

  /** A PostgreSQL array literal of names checked to be [a-z_.*] ({@code WebhookEvents}). */
  static String array(List<String> names) {
    return names.stream().map(n -> '"' + n + '"').collect(Collectors.joining(",", "{", "}"));
  }

  private static StoredEndpoint endpoint(DbRow r) {
    return new StoredEndpoint(
        UUID.fromString(Rows.string(r, "id")),
        Rows.string(r, "project"),
        Rows.string(r, "url"),
        Rows.stringList(r, "events"),
        EndpointStatus.valueOf(Rows.string(r, "status")),
        Rows.string(r, "description"),
        Rows.string(r, "format"),
        bytes(r, "secret"),
        bytes(r, "previous_secret"),
        Rows.instant(r, "previous_until"),
        Rows.string(r, "disabled_reason"),
        Rows.instant(r, "created_at"),
        Rows.string(r, "created_by"),
        Rows.instant(r, "updated_at"));
  }

  static byte[] bytes(DbRow r, String column) {
    return Rows.raw(r, column) == null ? null : r.column(column).get(byte[].class);
  }
}
