package dev.cairn.registry.journal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.model.AuditEntry;
import dev.cairn.registry.audit.AuditChain;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.LeadingWrites;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.events.StoredEvent;
import dev.cairn.registry.outbox.OutboxWrites;
import dev.cairn.registry.outbox.WebhookEvents;
import io.helidon.dbclient.DbTransaction;
import java.util.Optional;
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

  /**
   * Records {@code entry} in at most two round trips. An event's webhook jobs (issue 30: the
   * outbox) are written ahead of its append, in the same statement, so they commit with it.
   */
  public void record(DbTransaction tx, JournalEntry entry) {
    if (entry.audit().isEmpty()) {
      JournalEntry.Event event = entry.event().orElseThrow();
      events.append(tx, event, withOutbox(entry.writes(), event, Optional.empty(), null));
      return;
    }
    JournalEntry.Audited audited = entry.audit().get();
    AuditEntry next = audit.next(tx, audited.actor(), audited.record(), entry.writes());
    if (entry.event().isEmpty()) {
      audit.insert(tx, next);
    } else {
      JournalEntry.Event event = entry.event().get();
      events.append(
          tx,
          event,
          withOutbox(
              AuditLog.insertAhead(next),
              event,
              Optional.of(next.seq()),
              audited.record().before()));
    }
  }

  private static LeadingWrites withOutbox(
      LeadingWrites preceding, JournalEntry.Event event, Optional<Long> auditSeq, JsonNode before) {
    LeadingWrites writes = preceding;
    for (WebhookEvents.Outgoing out :
        WebhookEvents.of(event.type(), event.data(), auditSeq, before)) {
      writes = OutboxWrites.fanOut(writes, event.project(), out, Rows.now());
    }
    return writes;
  }
}
