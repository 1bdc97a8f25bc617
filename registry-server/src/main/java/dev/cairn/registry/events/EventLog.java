package dev.cairn.registry.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.registry.audit.AuditLog;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import io.helidon.dbclient.DbTransaction;
import java.util.function.LongConsumer;

/**
 * Appends to the event table inside the caller's transaction, after its audit entry: the audit
 * append already holds the chain lock, so event numbers follow commit order with no gaps.
 */
public final class EventLog {

  /**
   * Chain lock, number, insert and NOTIFY in one round trip (V5__chain_functions.sql): the lock
   * orders the numbers, so they follow commit order with no gaps.
   */
  private static final String APPEND = "SELECT cairn_append_event(?, ?, ?, ?, ?, ?, ?) AS seq";

  private final Db db;
  private final LongConsumer deliverLocally;

  /**
   * {@code deliverLocally} runs with the sequence number after a transaction that appended an event
   * commits, so this replica's listeners see a write before its answer leaves (read-your-writes).
   */
  public EventLog(Db db, LongConsumer deliverLocally) {
    this.db = db;
    this.deliverLocally = deliverLocally;
  }

  /**
   * Appends one event and returns its sequence number. The NOTIFY is delivered to every replica
   * when (and only if) the transaction commits.
   */
  public long append(DbTransaction tx, String project, String model, String type, JsonNode data) {
    long seq =
        tx.get(
                APPEND,
                AuditLog.CHAIN_LOCK,
                Rows.param(Rows.now()),
                project,
                model,
                type,
                data.toString(),
                PgEventListener.CHANNEL)
            .map(r -> Rows.longValue(r, "seq"))
            .orElseThrow(() -> new IllegalStateException("event not appended"));
    db.onCommit(tx, () -> deliverLocally.accept(seq));
    return seq;
  }
}
