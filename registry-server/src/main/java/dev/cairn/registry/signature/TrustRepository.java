package dev.cairn.registry.signature;

import dev.cairn.client.model.TrustPolicy;
import dev.cairn.registry.db.LeadingWrites;
import dev.cairn.registry.db.Rows;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code trust_policies}: one row per project, replaced whole by each PUT. */
public final class TrustRepository {

  private static final String FIND =
      "SELECT version, CAST(document AS text) AS document, updated_at, updated_by"
          + " FROM trust_policies WHERE project_id = CAST(? AS uuid)";
  private static final String FIND_BY_NAME =
      "SELECT t.version, CAST(t.document AS text) AS document, t.updated_at, t.updated_by"
          + " FROM trust_policies t JOIN projects p ON p.id = t.project_id"
          + " WHERE p.name = ? AND p.deleted_at IS NULL";
  private static final String UPSERT =
      "INSERT INTO trust_policies (project_id, version, document, updated_at,"
          + " updated_by) VALUES (CAST(? AS uuid), ?, CAST(? AS jsonb), ?, ?)"
          + " ON CONFLICT (project_id) DO UPDATE SET version = EXCLUDED.version,"
          + " document = EXCLUDED.document, updated_at = EXCLUDED.updated_at,"
          + " updated_by = EXCLUDED.updated_by";

  /** The project's policy, empty when it never had one. */
  public Optional<TrustPolicy> find(DbExecute exec, UUID projectId) {
    return exec.get(FIND, projectId.toString()).map(TrustRepository::policy);
  }

  /** The policy of the project named {@code project}, empty when it has none. */
  public Optional<TrustPolicy> findByProject(DbExecute exec, String project) {
    return exec.get(FIND_BY_NAME, project).map(TrustRepository::policy);
  }

  /** The statement that stores {@code policy} as the project's, run ahead of the journal. */
  LeadingWrites store(UUID projectId, TrustPolicy policy) {
    TrustPolicy document =
        new TrustPolicy(0, policy.keys(), policy.roots(), policy.identities(), null, null);
    return LeadingWrites.of(
        UPSERT,
        projectId.toString(),
        policy.version(),
        Rows.json(document),
        Rows.param(policy.updatedAt()),
        policy.updatedBy());
  }

  private static TrustPolicy policy(DbRow row) {
    TrustPolicy document = Rows.fromJson(Rows.string(row, "document"), TrustPolicy.class);
    return new TrustPolicy(
        Rows.longValue(row, "version"),
        document.keys(),
        document.roots(),
        document.identities(),
        Rows.instant(row, "updated_at"),
        Rows.string(row, "updated_by"));
  }
}
