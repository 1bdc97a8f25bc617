package dev.cairn.registry.instance;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cairn.client.model.Instance;
import dev.cairn.client.model.LoadedVersion;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** SQL for serving reports; only unexpired reports are ever read. */
public final class InstanceRepository {

  /**
   * Inserts a report, owned by its reporter, or renews one: only its owner's report, or any when
   * the last parameter (the caller is an admin) is true. No row written means another owns the id.
   */
  private static final String UPSERT =
      "INSERT INTO instances (project, id, model, alias, generation, loaded, state, last_error, pod,"
          + " node, reported_by, reported_at, expires_at, owner)"
          + " VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (project, id) DO UPDATE SET model = EXCLUDED.model, alias = EXCLUDED.alias,"
          + " generation = EXCLUDED.generation, loaded = EXCLUDED.loaded, state = EXCLUDED.state,"
          + " last_error = EXCLUDED.last_error, pod = EXCLUDED.pod, node = EXCLUDED.node,"
          + " reported_by = EXCLUDED.reported_by, reported_at = EXCLUDED.reported_at,"
          + " expires_at = EXCLUDED.expires_at"
          + " WHERE instances.owner = EXCLUDED.owner OR CAST(? AS boolean)";

  private static final String LIVE =
      "SELECT id, model, alias, generation, CAST(loaded AS text) AS loaded, state, last_error, pod,"
          + " node, reported_at, expires_at FROM instances WHERE project = ? AND expires_at > ?"
          + " AND (CAST(? AS text) IS NULL OR model = ?) AND (CAST(? AS text) IS NULL OR alias = ?)"
          + " ORDER BY id";

  /**
   * Writes {@code i} as reported by {@code reportedBy}; false when the id belongs to another
   * identity and {@code overwriteAny} (an admin) is false, in which case nothing changed.
   */
  public boolean upsert(
      DbExecute tx, String project, Instance i, String reportedBy, boolean overwriteAny) {
    return 1
        == tx.dml(
            UPSERT,
            project,
            i.id(),
            i.model(),
            i.alias(),
            i.generation(),
            Rows.json(i.loaded()),
            i.state(),
            i.lastError(),
            i.pod(),
            i.node(),
            reportedBy,
            Rows.param(i.reportedAt()),
            Rows.param(i.expiresAt()),
            reportedBy,
            overwriteAny);
  }

  public List<Instance> live(
      DbExecute exec, String project, String model, String alias, Instant now) {
    return Db.list(
        exec,
        LIVE,
        InstanceRepository::instance,
        project,
        Rows.param(now),
        model,
        model,
        alias,
        alias);
  }

  private static Instance instance(DbRow row) {
    Object generation = Rows.raw(row, "generation");
    Map<String, LoadedVersion> loaded =
        Rows.fromJson(Rows.string(row, "loaded"), new TypeReference<>() {}, Map.of());
    return new Instance(
        Rows.string(row, "id"),
        Rows.string(row, "model"),
        Rows.string(row, "alias"),
        generation == null ? null : ((Number) generation).longValue(),
        loaded,
        Rows.string(row, "state"),
        Rows.string(row, "last_error"),
        Rows.string(row, "pod"),
        Rows.string(row, "node"),
        Rows.instant(row, "reported_at"),
        Rows.instant(row, "expires_at"));
  }
}
