package dev.cairn.registry.journal;

import dev.cairn.registry.db.ChainLock;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.LeadingWrites;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.events.PgEventListener;
import dev.cairn.registry.events.StoredEvent;
import io.helidon.dbclient.DbTransaction;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The journal's event half: appends to the event table inside the caller's transaction, after (or
 * together with) its audit entry. The chain lock is held until commit, so event numbers follow
 * commit order with no gaps.
 */
final class EventLog {

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
  EventLog(Db db, Consumer<StoredEvent> deliverLocally) {
    this.db = db;
    this.deliverLocally = deliverLocally;
  }

  /**
   * Appends {@code event} in the same statement (and round trip) as {@code preceding}, writes of
   * the same change (its audit entry, say), and returns its sequence number. The NOTIFY reaches
   * every replica when (and only if) the transaction commits.
   */
  long append(DbTransaction tx, JournalEntry.Event event, LeadingWrites preceding) {
    Instant at = Rows.now();
    Object[] own = {
      ChainLock.KEY,
      Rows.param(at),
      event.project(),
      event.model(),
      event.type(),
      event.data().toString(),
      PgEventListener.CHANNEL
    };
    long seq =
        preceding
            .get(tx, APPEND, own)
            .map(r -> Rows.longValue(r, "seq"))
            .orElseThrow(() -> new IllegalStateException("event not appended"));
    StoredEvent stored =
        new StoredEvent(
            seq, at, event.project(), event.model(), event.type(), event.data().deepCopy());
    db.onCommit(tx, () -> deliverLocally.accept(stored));
    return seq;
  }
}
