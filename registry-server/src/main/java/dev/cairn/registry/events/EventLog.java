package dev.cairn.registry.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.registry.audit.AuditLog;
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

  /** Set on a thread that appended events, until its commit has been delivered locally. */
  private static final ThreadLocal<Boolean> PENDING = ThreadLocal.withInitial(() -> false);

  /**
   * Appends one event and returns its sequence number. The NOTIFY is delivered to every replica
   * when (and only if) the transaction commits.
   */
  public long append(DbTransaction tx, String project, String model, String type, JsonNode data) {
    AuditLog.lockChain(tx);
    long seq = tx.get(NEXT).map(r -> Rows.longValue(r, "seq")).orElse(1L);
    tx.dml(INSERT, seq, Rows.param(Rows.now()), project, model, type, data.toString());
    tx.get("SELECT pg_notify(?, ?) IS NULL AS sent", PgEventListener.CHANNEL, Long.toString(seq));
    PENDING.set(true);
    return seq;
  }

  /** Whether this thread appended events since the last call (and clears the mark). */
  public static boolean takePending() {
    boolean pending = PENDING.get();
    PENDING.set(false);
    return pending;
  }
}
