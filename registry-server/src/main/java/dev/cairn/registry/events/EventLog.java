package dev.cairn.registry.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.registry.audit.AuditLog;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import io.helidon.dbclient.DbTransaction;

/**
 * Appends to the event table inside the caller's transaction, after its audit entry: the audit
 * append already holds the chain lock, so event numbers follow commit order with no gaps.
 */
public final class EventLog {

  private static final String NEXT = "SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM events";
  private static final String INSERT =
      "INSERT INTO events (seq, at, project, model, type, data) VALUES (?, ?, ?, ?, ?, ?)";

  private final Db db;
  private final Runnable deliverLocally;

  /**
   * {@code deliverLocally} runs after a transaction that appended events commits, so this replica's
   * listeners see a write before its answer leaves (read-your-writes).
   */
  public EventLog(Db db, Runnable deliverLocally) {
    this.db = db;
    this.deliverLocally = deliverLocally;
  }

  /**
   * Appends one event and returns its sequence number. The NOTIFY is delivered to every replica
   * when (and only if) the transaction commits.
   */
  public long append(DbTransaction tx, String project, String model, String type, JsonNode data) {
    AuditLog.lockChain(tx);
    long seq = tx.get(NEXT).map(r -> Rows.longValue(r, "seq")).orElse(1L);
    tx.dml(INSERT, seq, Rows.param(Rows.now()), project, model, type, data.toString());
    tx.get("SELECT pg_notify(?, ?) IS NULL AS sent", PgEventListener.CHANNEL, Long.toString(seq));
    db.onCommit(tx, deliverLocally);
    return seq;
  }
}
