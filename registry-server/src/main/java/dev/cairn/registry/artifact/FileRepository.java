package dev.cairn.registry.artifact;

import dev.cairn.registry.db.Rows;
import dev.cairn.registry.version.VersionState;
import io.helidon.dbclient.DbExecute;
import java.time.Instant;
import java.util.UUID;

/** SQL on a version's files as uploads, completion and verification change them. */
final class FileRepository {

  private static final String MARK_PRESENT =
      "UPDATE version_files SET present = true WHERE version_id = CAST(? AS uuid) AND path = ?";
  private static final String INSERT_UPLOADED =
      "INSERT INTO version_files (version_id, path, sha256, size_bytes, source, present)"
          + " VALUES (CAST(? AS uuid), ?, ?, ?, 'upload', true)";
  private static final String REFERENCES =
      "SELECT COUNT(*) AS n FROM version_files f JOIN versions v ON v.id = f.version_id"
          + " WHERE f.sha256 = ? AND f.present AND v.deleted_at IS NULL";
  private static final String READY =
      "UPDATE versions SET state = '"
          + VersionState.READY.wire()
          + "', digest = ?, size_bytes = ?,"
          + " validation = CAST(? AS jsonb), ready_at = ?, updated_at = ? WHERE id = CAST(? AS uuid)";
  private static final String RECOVERED =
      "UPDATE versions SET state = '"
          + VersionState.READY.wire()
          + "', failure = NULL, validation = CAST(? AS jsonb),"
          + " updated_at = ? WHERE id = CAST(? AS uuid) AND state = '"
          + VersionState.FAILED.wire()
          + "'";
  private static final String FAILED =
      "UPDATE versions SET state = '"
          + VersionState.FAILED.wire()
          + "', failure = CAST(? AS jsonb),"
          + " validation = CAST(? AS jsonb), updated_at = ? WHERE id = CAST(? AS uuid)";

  void markPresent(DbExecute tx, UUID versionId, String path) {
    tx.dml(MARK_PRESENT, versionId.toString(), path);
  }

  void insertUploaded(DbExecute tx, UUID versionId, String path, String sha256, long size) {
    tx.dml(INSERT_UPLOADED, versionId.toString(), path, sha256, size);
  }

  /** How many files of live versions hold the blob. */
  long references(DbExecute tx, String sha256) {
    return tx.get(REFERENCES, sha256).map(r -> Rows.longValue(r, "n")).orElse(0L);
  }

  void markReady(
      DbExecute tx, UUID versionId, String digest, long size, Object validation, Instant now) {
    tx.dml(
        READY,
        digest,
        size,
        Rows.json(validation),
        Rows.param(now),
        Rows.param(now),
        versionId.toString());
  }

  void markRecovered(DbExecute tx, UUID versionId, Object validation) {
    tx.dml(RECOVERED, Rows.json(validation), Rows.param(Rows.now()), versionId.toString());
  }

  void markFailed(DbExecute tx, UUID versionId, Object failure, Object validation) {
    tx.dml(
        FAILED,
        Rows.json(failure),
        Rows.json(validation),
        Rows.param(Rows.now()),
        versionId.toString());
  }
}
