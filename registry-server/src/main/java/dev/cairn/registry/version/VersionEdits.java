package dev.cairn.registry.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionPatch;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.audit.AuditRecord;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Text;
import dev.cairn.registry.events.EventData;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.journal.JournalEntry;
import dev.cairn.registry.model.Labels;
import dev.cairn.registry.model.ModelLookup;
import dev.cairn.registry.model.StoredModel;
import dev.cairn.registry.pointer.AliasPointers;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Changes a version by hand ({@code PATCH}): its labels, notes and description, and its state
 * between READY and ARCHIVED through {@link VersionState} — refused while an alias points at a
 * version being archived. A state change is announced ({@code version.archived} or {@code
 * version.ready}) with the audit entry.
 */
final class VersionEdits {

  private final Db db;
  private final VersionRepository versions;
  private final ModelLookup lookup;
  private final Journal journal;
  private final AliasPointers aliases;
  private final ObjectMapper json;

  VersionEdits(VersionStore store) {
    this.db = store.db();
    this.versions = store.versions();
    this.lookup = store.lookup();
    this.journal = store.journal();
    this.aliases = store.aliases();
    this.json = store.json();
  }

  /** Applies a patch given as JSON, refusing content fields by name. */
  Version patch(
      Actor actor,
      String project,
      String model,
      String version,
      JsonNode body,
      Function<JsonNode, VersionPatch> binder) {
    VersionPatchFields.check(body);
    VersionPatch patch = binder.apply(body);
    Text.lines("notes", patch.notes());
    Text.lines("description", patch.description());
    return db.inTransaction(
        tx -> {
          StoredModel m = lookup.lockModel(tx, project, model);
          StoredVersion stored =
              versions
                  .lock(tx, m.id(), model, version)
                  .orElseThrow(() -> VersionService.notFound(model, version));
          Version before = stored.view();
          VersionState was = VersionState.of(before);
          VersionState state = patch.state() == null ? was : was.movedByHandTo(patch.state());
          List<String> inUse = aliases.aliasesOf(tx, m.id(), version);
          if (state == VersionState.ARCHIVED && was != VersionState.ARCHIVED && !inUse.isEmpty()) {
            throw ApiException.conflict(
                    "VERSION_IN_USE",
                    "version '" + version + "' is what " + inUse + " point at; move them first")
                .with("aliases", inUse);
          }
          Version after =
              VersionChange.edited(
                  before,
                  state,
                  patch.labels() != null ? Labels.valid(patch.labels()) : before.labels(),
                  patch.notes() != null ? patch.notes() : before.notes(),
                  patch.description() != null ? patch.description() : before.description());
          versions.updateEditable(tx, stored.id(), after, Rows.now());
          JournalEntry entry =
              JournalEntry.audited(
                  actor,
                  AuditRecord.of(
                      "VERSION_UPDATE",
                      project,
                      model,
                      model + ":" + version,
                      json.valueToTree(before),
                      json.valueToTree(after)));
          // Labels are MLflow's version tags (issue 30 item 2): a change announces the labels
          // after, which the outbox diffs against the audit's before into model_version_tag.*.
          boolean relabelled = !Objects.equals(after.labels(), before.labels());
          if (state != was || relabelled) {
            String type =
                state == was
                    ? "version.updated"
                    : state == VersionState.ARCHIVED ? "version.archived" : "version.ready";
            ObjectNode data = EventData.version(project, after);
            if (relabelled) {
              data.set("labels", json.valueToTree(after.labels()));
            }
            entry = entry.announcing(project, model, type, data);
          }
          journal.record(tx, entry);
          // The answer is the version as GET shows it, the aliases that point at it included.
          return after.withAliases(inUse);
        });
  }
}
