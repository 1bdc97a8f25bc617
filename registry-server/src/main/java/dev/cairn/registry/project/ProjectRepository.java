package dev.cairn.registry.project;

import dev.cairn.client.model.Policies;
import dev.cairn.client.model.Project;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** SQL for projects; only live (not deleted) projects are visible through it. */
public final class ProjectRepository {

  private static final String COLUMNS =
      "id, name, description, CAST(policies AS text) AS policies, created_at, created_by,"
          + " updated_at";

  private static final int MAX_PARSED_POLICIES = 1024;
  private static final Map<String, Policies> PARSED_POLICIES = new ConcurrentHashMap<>();

  /** {@link #COLUMNS} of table {@code p}, named {@code p_…}, for queries that join a project. */
  public static final String JOINED_COLUMNS =
      "p.id AS p_id, p.name AS p_name, p.description AS p_description,"
          + " CAST(p.policies AS text) AS p_policies, p.created_at AS p_created_at,"
          + " p.created_by AS p_created_by, p.updated_at AS p_updated_at";

  private static final String FIND =
      "SELECT " + COLUMNS + " FROM projects WHERE name = ? AND deleted_at IS NULL";
  private static final String LOCK = FIND + " FOR UPDATE";
  private static final String INSERT =
      "INSERT INTO projects (id, name, description, policies, created_at, created_by, updated_at)"
          + " VALUES (CAST(? AS uuid), ?, ?, CAST(? AS jsonb), ?, ?, ?)";
  private static final String UPDATE =
      "UPDATE projects SET description = ?, policies = CAST(? AS jsonb), updated_at = ? WHERE id = CAST(? AS uuid)";
  private static final String DELETE =
      "UPDATE projects SET deleted_at = ? WHERE id = CAST(? AS uuid)";

  /** A deleted project's webhooks go with it (deliveries and attempts by cascade): review 12/3. */
  private static final String DELETE_WEBHOOKS =
      "DELETE FROM webhook_endpoints WHERE project_id = CAST(? AS uuid)";

  private static final String LIST =
      "SELECT "
          + COLUMNS
          + " FROM projects WHERE deleted_at IS NULL"
          + " AND (CAST(? AS boolean) OR name = ANY (CAST(? AS text[])))"
          + " AND name > ? ORDER BY name LIMIT ?";
  private static final String LIVE_MODELS =
      "SELECT name FROM models WHERE project_id = CAST(? AS uuid) AND deleted_at IS NULL AND state = 'LIVE'"
          + " ORDER BY name LIMIT 20";

  public Optional<StoredProject> find(DbExecute exec, String name) {
    return exec.get(FIND, name).map(ProjectRepository::project);
  }

  /** The project row locked for the rest of the transaction. */
  public Optional<StoredProject> lock(DbExecute tx, String name) {
    return tx.get(LOCK, name).map(ProjectRepository::project);
  }

  public void insert(DbExecute tx, UUID id, Project p) {
    tx.dml(
        INSERT,
        id,
        p.name(),
        p.description(),
        Rows.json(p.policies()),
        Rows.param(p.createdAt()),
        p.createdBy(),
        Rows.param(p.updatedAt()));
  }

  public void update(DbExecute tx, UUID id, Project p) {
    tx.dml(UPDATE, p.description(), Rows.json(p.policies()), Rows.param(p.updatedAt()), id);
  }

  public void delete(DbExecute tx, UUID id, Instant at) {
    tx.dml(DELETE, Rows.param(at), id);
    // The name becomes free: a project created with it later must not inherit these endpoints.
    tx.dml(DELETE_WEBHOOKS, id);
  }

  /** Visible projects after {@code afterName}, by name. */
  public List<Project> list(
      DbExecute exec, boolean all, List<String> visible, String afterName, int limit) {
    return Db.list(
        exec,
        LIST,
        row -> project(row).view(),
        all,
        visible.toArray(String[]::new),
        afterName,
        limit);
  }

  /** Names of models in {@code LIVE} state, which keep a project from being deleted. */
  public List<String> liveModels(DbExecute tx, UUID projectId) {
    return Db.list(tx, LIVE_MODELS, row -> Rows.string(row, "name"), projectId);
  }

  /**
   * Policies parsed from their stored text, remembered by it: every model-scoped request reads its
   * project's policies, and they seldom change. Bounded by emptying the memo when it fills.
   */
  private static Policies policies(String stored) {
    if (stored == null) {
      return Policies.defaults();
    }
    Policies parsed = PARSED_POLICIES.get(stored);
    if (parsed == null) {
      parsed = Policies.defaults().merge(Rows.fromJson(stored, Policies.class));
      if (PARSED_POLICIES.size() >= MAX_PARSED_POLICIES) {
        PARSED_POLICIES.clear();
      }
      PARSED_POLICIES.put(stored, parsed);
    }
    return parsed;
  }

  /** The project of a row selected with {@link #JOINED_COLUMNS}. */
  public static StoredProject joined(DbRow row) {
    return project(row, "p_");
  }

  private static StoredProject project(DbRow row) {
    return project(row, "");
  }

  private static StoredProject project(DbRow row, String prefix) {
    return new StoredProject(
        row.column(prefix + "id").get(UUID.class),
        new Project(
            Rows.string(row, prefix + "name"),
            Rows.string(row, prefix + "description"),
            policies(Rows.string(row, prefix + "policies")),
            Rows.instant(row, prefix + "created_at"),
            Rows.string(row, prefix + "created_by"),
            Rows.instant(row, prefix + "updated_at")));
  }
}
