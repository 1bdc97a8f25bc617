package dev.cairn.registry.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.registry.db.ChainLock;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.LeadingWrites;
import dev.cairn.registry.db.Rows;
import io.helidon.dbclient.DbTransaction;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Appends to the event table inside the caller's transaction, after (or together with) its audit
 * entry: the chain lock is held until commit, so event numbers follow commit order with no gaps.
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

  /** An event to append: where it happened, its type and its data. */
  public record Draft(String project, String model, String type, JsonNode data) {}

  /**
   * Appends one event and returns its sequence number. The NOTIFY is delivered to every replica
   * when (and only if) the transaction commits.
   */
  public long append(DbTransaction tx, String project, String model, String type, JsonNode data) {
    return append(tx, new Draft(project, model, type, data), LeadingWrites.NONE);
  }

  /**
   * Appends {@code draft} in the same statement (and round trip) as {@code preceding}, writes of
   * the caller's — the audit entry of the same change, say ({@link LeadingWrites#NONE} for none).
   */
  public long append(DbTransaction tx, Draft draft, LeadingWrites preceding) {
    Instant at = Rows.now();
    String text = draft.data().toString();
    Object[] own = {
      ChainLock.KEY,
      Rows.param(at),
      draft.project(),
      draft.model(),
      draft.type(),
      text,
      PgEventListener.CHANNEL
    };
    long seq =
        preceding
            .get(tx, APPEND, own)
            .map(r -> Rows.longValue(r, "seq"))
            .orElseThrow(() -> new IllegalStateException("event not appended"));
    StoredEvent event =
        new StoredEvent(
            seq, at, draft.project(), draft.model(), draft.type(), draft.data().deepCopy());
    db.onCommit(tx, () -> deliverLocally.accept(event));
    return seq;
  }
}
