package dev.cairn.registry.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.outbox.OutboxTrim;
import io.helidon.dbclient.DbRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads the event table in sequence order, and trims it (and the webhook outbox) to the retention
 * period.
 */
public final class EventRepository {

  private static final String COLUMNS = "seq, at, project, model, type, data";
  private static final String AFTER =
      "SELECT " + COLUMNS + " FROM events WHERE seq > ? ORDER BY seq LIMIT ?";
  private static final String PROJECT_AFTER =
      "SELECT " + COLUMNS + " FROM events WHERE project = ? AND seq > ? ORDER BY seq LIMIT ?";
  private static final String OLDEST = "SELECT MIN(seq) AS seq FROM events";
  private static final String NEWEST = "SELECT COALESCE(MAX(seq), 0) AS seq FROM events";
  private static final String TRIM = "DELETE FROM events WHERE at < ?";

  private final Db db;

  public EventRepository(Db db) {
    this.db = db;
  }

  public List<StoredEvent> after(long seq, int limit) {
    return db.read(exec -> Db.list(exec, AFTER, EventRepository::event, seq, limit));
  }

  public List<StoredEvent> after(String project, long seq, int limit) {
    return db.read(
        exec -> Db.list(exec, PROJECT_AFTER, EventRepository::event, project, seq, limit));
  }

  /** The oldest sequence number still kept, if any event is. */
  public Optional<Long> oldest() {
    return db.read(exec -> exec.get(OLDEST))
        .map(row -> Rows.raw(row, "seq"))
        .map(v -> ((Number) v).longValue());
  }

  public long newest() {
    return db.read(exec -> exec.get(NEWEST)).map(r -> Rows.longValue(r, "seq")).orElse(0L);
  }

  /** Deletes events older than {@code cutoff}, and the finished webhook deliveries as old. */
  public long trimBefore(Instant cutoff) {
    return db.inTransaction(
        tx -> {
          OutboxTrim.before(tx, cutoff);
          return tx.dml(TRIM, Rows.param(cutoff));
        });
  }

  private static StoredEvent event(DbRow row) {
    return new StoredEvent(
        Rows.longValue(row, "seq"),
        Rows.instant(row, "at"),
        Rows.string(row, "project"),
        Rows.string(row, "model"),
        Rows.string(row, "type"),
        Rows.fromJson(Rows.string(row, "data"), JsonNode.class));
  }
}
