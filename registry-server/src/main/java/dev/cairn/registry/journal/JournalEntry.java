package dev.cairn.registry.journal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.audit.AuditRecord;
import dev.cairn.registry.db.LeadingWrites;
import java.util.Optional;

/**
 * What one write records, decided before anything is written: the change's own statements (run
 * ahead of the journal's first query, {@link LeadingWrites#NONE} for none), its audit entry and its
 * event — either of the last two may be absent, not both.
 */
public record JournalEntry(LeadingWrites writes, Optional<Audited> audit, Optional<Event> event) {

  public JournalEntry {
    if (audit.isEmpty() && event.isEmpty()) {
      throw new IllegalArgumentException("a journal entry records an audit entry or an event");
    }
  }

  /** Who made the change and what the audit log says of it. */
  public record Audited(Actor actor, AuditRecord record) {}

  /** An event: where it happened, its type ({@code alias.updated}, …) and its data. */
  public record Event(String project, String model, String type, JsonNode data) {}

  /** An audited change with no event. */
  public static JournalEntry audited(Actor actor, AuditRecord record) {
    return new JournalEntry(
        LeadingWrites.NONE, Optional.of(new Audited(actor, record)), Optional.empty());
  }

  /** An event with no audit entry (an instance's report, say). */
  public static JournalEntry event(String project, String model, String type, JsonNode data) {
    return new JournalEntry(
        LeadingWrites.NONE, Optional.empty(), Optional.of(new Event(project, model, type, data)));
  }

  /** This entry with {@code type} announced as well. */
  public JournalEntry announcing(String project, String model, String type, JsonNode data) {
    return new JournalEntry(writes, audit, Optional.of(new Event(project, model, type, data)));
  }

  /** This entry with the change's own {@code statements} run ahead of the journal's. */
  public JournalEntry after(LeadingWrites statements) {
    return new JournalEntry(statements, audit, event);
  }
}
