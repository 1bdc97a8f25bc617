package dev.cairn.registry.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.model.Model;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.audit.AuditRecord;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.domain.Reasons;
import dev.cairn.registry.events.EventData;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.journal.JournalEntry;
import dev.cairn.registry.pointer.AliasPointers;
import java.time.Instant;
import java.util.Map;

/**
 * Soft-deletes a model in one call (seed 000's {@code delete_entry}): loads the model and its
 * aliases in use, decides with {@link DeletionPolicy}, and writes the tombstone (state {@code
 * DELETED}, who, why), one audit entry and one {@code model.deleted} event in one transaction. The
 * aliases of a deleted model stay with its tombstone: nothing resolves them any more, and a model
 * created later under the name starts without aliases.
 */
final class ModelDeletion {

  private final Db db;
  private final ModelRepository models;
  private final ModelLookup lookup;
  private final Journal journal;
  private final AliasPointers aliases;
  private final ObjectMapper json;

  ModelDeletion(
      Db db,
      ModelRepository models,
      ModelLookup lookup,
      Journal journal,
      AliasPointers aliases,
      ObjectMapper json) {
    this.db = db;
    this.models = models;
    this.lookup = lookup;
    this.journal = journal;
    this.aliases = aliases;
    this.json = json;
  }

  /** Deletes {@code name}, recording {@code actor} as who deleted it and {@code reason} as why. */
  Model delete(Actor actor, String project, String name, String reason, boolean force) {
    Reasons.checked(reason);
    return db.inTransaction(
        tx -> {
          StoredModel stored = lookup.lockModel(tx, project, name);
          Map<String, Map<String, String>> inUse = aliases.aliasesWithPointers(tx, stored.id());
          DeletionPolicy.Decision decision =
              DeletionPolicy.decide(new DeletionPolicy.Facts(stored.view(), inUse, reason, force));
          Model tombstone = tombstone(stored.view(), Rows.now(), actor.name(), reason);
          models.delete(tx, stored.id(), tombstone);
          ObjectNode before = json.valueToTree(stored.view());
          ObjectNode after = json.valueToTree(tombstone);
          if (decision.forced()) {
            before.set("aliases_in_use", json.valueToTree(decision.forcedOver()));
            after.put("forced", true);
          }
          journal.record(
              tx,
              JournalEntry.audited(
                      actor,
                      new AuditRecord(
                          "MODEL_DELETE", project, name, name, before, after, reason, null))
                  .announcing(project, name, "model.deleted", EventData.model(project, tombstone)));
          return tombstone;
        });
  }

  /** {@code m} as deleted at {@code at} by {@code by} because of {@code reason}. */
  private static Model tombstone(Model m, Instant at, String by, String reason) {
    return new Model(
        m.id(),
        m.name(),
        m.project(),
        m.description(),
        m.task(),
        m.labels(),
        m.variants(),
        m.defaultVariant(),
        m.protectedAliases(),
        ModelState.DELETED.wire(),
        m.createdAt(),
        m.createdBy(),
        at,
        at,
        by,
        reason);
  }
}
