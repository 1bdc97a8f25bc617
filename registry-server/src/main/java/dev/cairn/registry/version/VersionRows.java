package dev.cairn.registry.version;

import dev.cairn.client.model.Failure;
import dev.cairn.client.model.RuntimeRequirement;
import dev.cairn.client.model.Validation;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.db.Rows;
import io.helidon.dbclient.DbRow;
import java.util.List;
import java.util.UUID;

/** Rows of {@code versions} and {@code version_files} as the client's records. */
final class VersionRows {

  private VersionRows() {}

  static StoredVersion version(DbRow row, String model) {
    UUID id = row.column("id").get(UUID.class);
    List<VersionFile> files = List.of();
    Object size = Rows.raw(row, "size_bytes");
    return new StoredVersion(
        id,
        new Version(
            id.toString(),
            model,
            Rows.string(row, "version"),
            Rows.string(row, "variant"),
            Rows.string(row, "state"),
            Rows.string(row, "format"),
            Rows.fromJson(Rows.string(row, "runtime"), RuntimeRequirement.class),
            Rows.string(row, "digest"),
            size == null ? null : ((Number) size).longValue(),
            files,
            Rows.objectMap(row, "metadata"),
            Rows.objectMap(row, "provenance"),
            Rows.fromJson(Rows.string(row, "validation"), Validation.class),
            Rows.stringMap(row, "labels"),
            Rows.string(row, "notes"),
            Rows.string(row, "description"),
            List.of(),
            Rows.fromJson(Rows.string(row, "failure"), Failure.class),
            Rows.instant(row, "created_at"),
            Rows.string(row, "created_by"),
            Rows.instant(row, "ready_at"),
            // A row has no signature: SignatureStatus adds it to the view.
            null));
  }

  static VersionFile file(DbRow row) {
    return new VersionFile(
        Rows.string(row, "path"),
        Rows.string(row, "sha256"),
        Rows.longValue(row, "size_bytes"),
        Rows.string(row, "source"),
        Rows.string(row, "uri"),
        (Boolean) Rows.raw(row, "present"));
  }
}
