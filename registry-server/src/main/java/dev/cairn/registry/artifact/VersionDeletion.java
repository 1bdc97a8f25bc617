package dev.cairn.registry.artifact;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.audit.AuditRecord;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.events.EventData;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.journal.JournalEntry;
import dev.cairn.registry.model.ModelLookup;
import dev.cairn.registry.model.StoredModel;
import dev.cairn.registry.pointer.AliasPointers;
import dev.cairn.registry.version.StoredVersion;
import dev.cairn.registry.version.VersionLookup;
import dev.cairn.registry.version.VersionState;
import java.util.List;

/**
 * {@code DELETE …/versions/{v}} (admin): refused while an alias points at the version; otherwise a
 * soft delete (the row stays as a tombstone), then the blobs no live version references are
 * collected.
 */
public final class VersionDeletion {

  private static final String DELETE =
      "UPDATE versions SET deleted_at = ?, updated_at = ? WHERE id = CAST(? AS uuid)";

  private final Db db;
  private final ModelLookup models;
  private final VersionLookup versions;
  private final AliasPointers aliases;
  private final Journal journal;
  private final BlobCollector collector;
  private final ObjectMapper json;

  public VersionDeletion(
      Db db,
      ModelLookup models,
      VersionLookup versions,
      AliasPointers aliases,
      Journal journal,
      BlobCollector collector,
      ObjectMapper json) {
    this.db = db;
    this.models = models;
    this.versions = versions;
    this.aliases = aliases;
    this.journal = journal;
    this.collector = collector;
    this.json = json;
  }

  public void delete(Actor actor, String project, String model, String version) {
    List<VersionFile> files =
        db.inTransaction(
            tx -> {
              StoredModel m = models.lockModel(tx, project, model);
              StoredVersion stored = versions.lock(tx, project, model, version);
              List<String> inUse = aliases.aliasesOf(tx, m.id(), version);
              if (!inUse.isEmpty()) {
                throw ApiException.conflict(
                        "VERSION_IN_USE",
                        "version '" + version + "' is what " + inUse + " point at")
                    .with("aliases", inUse);
              }
              var now = Rows.param(Rows.now());
              tx.dml(DELETE, now, now, stored.id().toString());
              Version before = stored.view();
              // No version.deleted type exists: archived-and-gone tells followers to forget it.
              VersionState.of(before).delete();
              var data =
                  EventData.version(project, before).put("state", VersionState.DELETED.wire());
              journal.record(
                  tx,
                  JournalEntry.audited(
                          actor,
                          AuditRecord.of(
                              "VERSION_DELETE",
                              project,
                              model,
                              model + ":" + version,
                              json.valueToTree(before),
                              null))
                      .announcing(project, model, "version.archived", data));
              return before.files();
            });
    files.stream()
        .filter(f -> Boolean.TRUE.equals(f.present()))
        .map(VersionFile::sha256)
        .distinct()
        .forEach(collector::collect);
  }
}
