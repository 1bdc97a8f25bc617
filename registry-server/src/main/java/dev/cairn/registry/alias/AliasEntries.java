package dev.cairn.registry.alias;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.model.Alias;
import dev.cairn.registry.audit.AuditRecord;
import dev.cairn.registry.journal.JournalEntry;

/**
 * What a decided alias change records, as one journal entry: the pointer row and its history entry
 * (or the row's removal), one audit entry and one event ({@code alias.updated} or {@code
 * alias.deleted}). The journal writes an update in two round trips: pointers, history, chain lock
 * and head in one; audit entry, event and NOTIFY in the other.
 */
final class AliasEntries {

  private final ObjectMapper json;

  AliasEntries(ObjectMapper json) {
    this.json = json;
  }

  /** The entry of {@code decision} (a write or a removal) taken on {@code facts}. */
  JournalEntry of(AliasFacts facts, AliasDecision decision) {
    String project = facts.model().project();
    String model = facts.model().name();
    StoredAlias before = facts.current();
    Caller caller = facts.caller();
    return switch (decision) {
      case AliasDecision.Write write -> {
        Alias after = write.answer();
        yield JournalEntry.audited(
                caller.actor(),
                new AuditRecord(
                    write.action(),
                    project,
                    model,
                    after.alias(),
                    json.valueToTree(before.view().pointers()),
                    json.valueToTree(after.pointers()),
                    after.reason(),
                    after.approvedBy()))
            .announcing(project, model, "alias.updated", eventData(project, model, after))
            .after(
                AliasRepository.updateStatements(
                    before.id(),
                    after,
                    write.action(),
                    after.approvedBy(),
                    caller.actor().requestId()));
      }
      case AliasDecision.Remove remove ->
          JournalEntry.audited(
                  caller.actor(),
                  new AuditRecord(
                      "ALIAS_DELETE",
                      project,
                      model,
                      before.view().alias(),
                      json.valueToTree(before.view().pointers()),
                      null,
                      null,
                      null))
              .announcing(project, model, "alias.deleted", eventData(project, model, before.view()))
              .after(AliasRepository.deleteStatement(before.id()));
      case AliasDecision.Unchanged unchanged ->
          throw new IllegalArgumentException("an unchanged alias records nothing");
    };
  }

  private ObjectNode eventData(String project, String model, Alias alias) {
    ObjectNode data =
        json.createObjectNode()
            .put("project", project)
            .put("model", model)
            .put("alias", alias.alias())
            .put("generation", alias.generation());
    data.set("pointers", json.valueToTree(alias.pointers()));
    return data;
  }
}
