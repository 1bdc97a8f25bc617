package dev.cairn.registry.signature;

import dev.cairn.registry.db.LeadingWrites;
import dev.cairn.registry.db.Rows;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** SQL of {@code version_signatures}: inserted once per version, never updated. */
public final class SignatureRepository {

  private static final String COLUMNS = "version_id, bundle, sha256, method, signer, verified_at";
  private static final String FIND =
      "SELECT " + COLUMNS + " FROM version_signatures WHERE version_id = CAST(? AS uuid)";
  private static final String FIND_MANY =
      "SELECT "
          + COLUMNS
          + " FROM version_signatures WHERE version_id = ANY(CAST(string_to_array(?, ',') AS"
          + " uuid[]))";
  private static final String INSERT =
      "INSERT INTO version_signatures (version_id, bundle, sha256, method, signer, verified_at,"
          + " created_by) VALUES (CAST(? AS uuid), ?, ?, ?, ?, ?, ?)";

  public Optional<StoredSignature> find(DbExecute exec, UUID versionId) {
    return exec.get(FIND, versionId.toString()).map(SignatureRepository::signature);
  }

  /** The signatures of those of {@code versionIds} that have one, by version id. */
  public Map<UUID, StoredSignature> findAll(DbExecute exec, Collection<UUID> versionIds) {
    if (versionIds.isEmpty()) {
      return Map.of();
    }
    String ids = versionIds.stream().map(UUID::toString).collect(Collectors.joining(","));
    Map<UUID, StoredSignature> found = new HashMap<>();
    exec.query(FIND_MANY, ids)
        .map(SignatureRepository::signature)
        .forEach(s -> found.put(s.versionId(), s));
    return found;
  }

  /** The statement that stores {@code signature}, run ahead of the journal. */
  static LeadingWrites insert(StoredSignature signature, String createdBy) {
    return LeadingWrites.of(
        INSERT,
        signature.versionId().toString(),
        signature.bundle(),
        signature.sha256(),
        signature.method(),
        signature.signer(),
        Rows.param(signature.verifiedAt()),
        createdBy);
  }

  private static StoredSignature signature(DbRow row) {
    return new StoredSignature(
        row.column("version_id").get(UUID.class),
        row.column("bundle").get(byte[].class),
        Rows.string(row, "sha256"),
        Rows.string(row, "method"),
        Rows.string(row, "signer"),
        Rows.instant(row, "verified_at"));
  }
}
