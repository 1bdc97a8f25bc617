package dev.cairn.registry.alias;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.model.Alias;
import dev.cairn.registry.audit.AuditLog;
import dev.cairn.registry.audit.AuditRecord;
import dev.cairn.registry.db.LeadingWrites;
import dev.cairn.registry.events.EventLog;
import io.helidon.dbclient.DbTransaction;

/**
 * Writes a decided alias change inside the caller's transaction, all or nothing: the pointer row,
 * its history entry, one audit entry and one event ({@code alias.updated} or {@code
 * alias.deleted}). An update costs two round trips: pointers, history, chain lock and head in one;
 * audit entry, event and NOTIFY in the other.
 */
final class AliasWrites {

  private final AliasRepository aliases;
  private final AuditLog audit;
  private final EventLog events;
  private final ObjectMapper json;

  AliasWrites(AliasRepository aliases, AuditLog audit, EventLog events, ObjectMapper json) {
    this.aliases = aliases;
    this.audit = audit;
    this.events = events;
    this.json = json;
  }

  /** What one change writes: who, where, from which alias row to which state, and why. */
  record Written(
      Caller caller,
      String project,
      String model,
      StoredAlias before,
      Alias after,
      String action,
      String approvedBy) {}

  void update(DbTransaction tx, Written w) {
    audit.append(
        tx,
        w.caller().actor(),
        new AuditRecord(
            w.action(),
            w.project(),
            w.model(),
            w.after().alias(),
            json.valueToTree(w.before().view().pointers()),
            json.valueToTree(w.after().pointers()),
            w.after().reason(),
            w.approvedBy()),
        new AuditLog.Alongside(
            aliases.updateAndRecord(
                w.before().id(),
                w.after(),
                w.action(),
                w.approvedBy(),
                w.caller().actor().requestId()),
            events,
            new EventLog.Draft(
                w.project(),
                w.model(),
                "alias.updated",
                eventData(w.project(), w.model(), w.after()))));
  }

  void delete(DbTransaction tx, Caller caller, String project, String model, StoredAlias current) {
    aliases.delete(tx, current.id());
    audit.append(
        tx,
        caller.actor(),
        new AuditRecord(
            "ALIAS_DELETE",
            project,
            model,
            current.view().alias(),
            json.valueToTree(current.view().pointers()),
            null,
            null,
            null),
        new AuditLog.Alongside(
            LeadingWrites.NONE,
            events,
            new EventLog.Draft(
                project, model, "alias.deleted", eventData(project, model, current.view()))));
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
