package dev.cairn.registry.journal;

import dev.cairn.client.model.AuditEntry;
import dev.cairn.registry.audit.AuditChain;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.events.StoredEvent;
import io.helidon.dbclient.DbTransaction;
import java.util.function.Consumer;

/**
 * The one place a write is recorded: its statements, its audit entry and its event, inside the
 * caller's transaction, folded into two round trips — the change's statements with the chain lock
 * and head, then the audit row with the event and its NOTIFY. Call it last in the transaction: the
 * chain lock it takes is held until commit.
 */
public final class Journal {

  private final AuditLog audit;
  private final EventLog events;

  /**
   * {@code audited} hears each recorded action once its transaction commits (metrics); {@code
   * deliverLocally} each event, so this replica's listeners see a write before its answer leaves.
   */
  public Journal(
      AuditChain chain, Db db, Consumer<String> audited, Consumer<StoredEvent> deliverLocally) {
    this.audit = new AuditLog(chain, db, audited);
    this.events = new EventLog(db, deliverLocally);
  }

  /** Records {@code entry} in at most two round trips. */
  public void record(DbTransaction tx, JournalEntry entry) {
    if (entry.audit().isEmpty()) {
      events.append(tx, entry.event().orElseThrow(), entry.writes());
      return;
    }
    JournalEntry.Audited audited = entry.audit().get();
    AuditEntry next = audit.next(tx, audited.actor(), audited.record(), entry.writes());
    if (entry.event().isEmpty()) {
      audit.insert(tx, next);
    } else {
      events.append(tx, entry.event().get(), AuditLog.insertAhead(next));
    }
  }
}
