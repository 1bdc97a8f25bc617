package dev.cairn.registry.oci;

import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.version.VersionState;
import io.helidon.dbclient.DbExecute;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The reads of the OCI API that no other resource asks: a model's servable versions (ready or
 * archived: their bytes are complete and were checked) and which of them holds a file of a given
 * SHA-256. Pending, failed and deleted versions are never served.
 */
public final class OciRepository {

  private static final String SERVABLE =
      "SELECT CAST(id AS text) AS id, version FROM versions WHERE model_id = CAST(? AS uuid)"
          + " AND deleted_at IS NULL AND state IN (?, ?) ORDER BY version";
  private static final String IS_SERVABLE =
      "SELECT 1 AS one FROM versions WHERE model_id = CAST(? AS uuid) AND version = ?"
          + " AND deleted_at IS NULL AND state IN (?, ?)";
  private static final String FILE_HOLDER =
      "SELECT v.version FROM version_files f JOIN versions v ON v.id = f.version_id"
          + " WHERE v.model_id = CAST(? AS uuid) AND f.sha256 = ? AND v.deleted_at IS NULL"
          + " AND v.state IN (?, ?) ORDER BY v.version LIMIT 1";

  /** A servable version's id and name. */
  public record Servable(UUID id, String version) {}

  public List<Servable> servable(DbExecute exec, UUID modelId) {
    return Db.list(
        exec,
        SERVABLE,
        row -> new Servable(UUID.fromString(Rows.string(row, "id")), Rows.string(row, "version")),
        modelId.toString(),
        VersionState.READY.wire(),
        VersionState.ARCHIVED.wire());
  }

  public boolean isServable(DbExecute exec, UUID modelId, String version) {
    return exec.get(
            IS_SERVABLE,
            modelId.toString(),
            version,
            VersionState.READY.wire(),
            VersionState.ARCHIVED.wire())
        .isPresent();
  }

  /** The first servable version (by name) holding a file of {@code sha256}. */
  public Optional<String> fileHolder(DbExecute exec, UUID modelId, String sha256) {
    return exec.get(
            FILE_HOLDER,
            modelId.toString(),
            sha256,
            VersionState.READY.wire(),
            VersionState.ARCHIVED.wire())
        .map(row -> Rows.string(row, "version"));
  }
}
