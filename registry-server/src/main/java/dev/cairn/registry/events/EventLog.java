package dev.cairn.registry.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.registry.audit.AuditLog;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import io.helidon.dbclient.DbTransaction;
import java.time.Instant;
import java.util.function.Consumer;

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
  private final Consumer<StoredEvent> deliverLocally;

  /**
   * {@code deliverLocally} hears each appended event, as the table holds it, after its transaction
   * commits, so this replica's listeners see a write before its answer leaves (read-your-writes).
   */
  public EventLog(Db db, Consumer<StoredEvent> deliverLocally) {
    this.db = db;
    this.deliverLocally = deliverLocally;
  }

  /**
   * Appends one event and returns its sequence number. The NOTIFY is delivered to every replica
   * when (and only if) the transaction commits.
   */
  public long append(DbTransaction tx, String project, String model, String type, JsonNode data) {
    Instant at = Rows.now();
    String text = data.toString();
    long seq =
        tx.get(
                APPEND,
                AuditLog.CHAIN_LOCK,
                Rows.param(at),
                project,
                model,
                type,
                text,
                PgEventListener.CHANNEL)
            .map(r -> Rows.longValue(r, "seq"))
            .orElseThrow(() -> new IllegalStateException("event not appended"));
    StoredEvent event = new StoredEvent(seq, at, project, model, type, data.deepCopy());
    db.onCommit(tx, () -> deliverLocally.accept(event));
    return seq;
  }
}
