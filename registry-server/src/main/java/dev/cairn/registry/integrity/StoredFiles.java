package dev.cairn.registry.integrity;

import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.version.VersionState;
import java.util.List;
import java.util.Optional;

/**
 * The stored (uploaded) files of READY versions, walked in keyset batches so a check of a million
 * files never holds more than one batch. References are not walked: their bytes live elsewhere and
 * are checked when they are fetched.
 */
final class StoredFiles {

  /** One file and the version it belongs to. */
  record StoredFile(
      String versionId,
      String project,
      String model,
      String version,
      String path,
      String sha256,
      long sizeBytes) {}

  /** How many files and bytes a pass will walk. */
  record Totals(long files, long bytes) {}

  private static final String FROM =
      " FROM version_files f JOIN versions v ON v.id = f.version_id"
          + " JOIN models m ON m.id = v.model_id JOIN projects p ON p.id = m.project_id"
          + " WHERE v.state = '"
          + VersionState.READY.wire()
          + "' AND v.deleted_at IS NULL AND m.deleted_at IS NULL"
          + " AND p.deleted_at IS NULL AND f.source = 'upload' AND f.present";
  private static final String BATCH =
      "SELECT CAST(v.id AS text) AS version_id, p.name AS project, m.name AS model, v.version,"
          + " f.path, f.sha256, f.size_bytes"
          + FROM
          + " AND (CAST(? AS text) IS NULL OR (v.id, f.path) > (CAST(? AS uuid), ?))"
          + " ORDER BY v.id, f.path LIMIT ?";
  private static final String TOTALS =
      "SELECT COUNT(*) AS files, COALESCE(SUM(f.size_bytes), 0) AS bytes" + FROM;
  static final int BATCH_SIZE = 500;

  private final Db db;

  StoredFiles(Db db) {
    this.db = db;
  }

  /** The batch after {@code last} (the first batch when empty). */
  List<StoredFile> after(Optional<StoredFile> last) {
    String id = last.map(StoredFile::versionId).orElse(null);
    String path = last.map(StoredFile::path).orElse(null);
    return db.read(
        exec ->
            Db.list(
                exec,
                BATCH,
                row ->
                    new StoredFile(
                        Rows.string(row, "version_id"),
                        Rows.string(row, "project"),
                        Rows.string(row, "model"),
                        Rows.string(row, "version"),
                        Rows.string(row, "path"),
                        Rows.string(row, "sha256"),
                        Rows.longValue(row, "size_bytes")),
                id,
                id,
                path,
                BATCH_SIZE));
  }

  Totals totals() {
    return db.read(
        exec ->
            exec.get(TOTALS)
                .map(r -> new Totals(Rows.longValue(r, "files"), Rows.longValue(r, "bytes")))
                .orElse(new Totals(0, 0)));
  }
}
