package dev.cairn.registry.model;

import dev.cairn.client.model.Model;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.paging.SortOrder;
import dev.cairn.registry.project.ProjectRepository;
import dev.cairn.registry.project.StoredProject;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for models. Deleted models are tombstones: kept, invisible to lookups, listed only by {@code
 * state=DELETED}.
 */
public final class ModelRepository {

  private static final String COLUMNS =
      "id, project_id, name, description, task, CAST(labels AS text) AS labels,"
          + " CAST(variants AS text) AS variants, default_variant,"
          + " CAST(protected_aliases AS text) AS protected_aliases, state, created_at, created_by,"
          + " updated_at, deleted_at, deleted_by, delete_reason";
  private static final String FIND =
      "SELECT "
          + COLUMNS
          + " FROM models WHERE project_id = CAST(? AS uuid) AND name = ? AND deleted_at IS NULL";
  private static final String LOCK = FIND + " FOR UPDATE";
  private static final String LOCATE =
      "SELECT "
          + ProjectRepository.JOINED_COLUMNS
          + ", m.* FROM projects p LEFT JOIN LATERAL (SELECT "
          + COLUMNS
          + " FROM models WHERE project_id = p.id AND name = ? AND deleted_at IS NULL) m ON true"
          + " WHERE p.name = ? AND p.deleted_at IS NULL";
  private static final String INSERT =
      "INSERT INTO models (id, project_id, name, description, task, labels, variants,"
          + " default_variant, protected_aliases, state, created_at, created_by, updated_at)"
          + " VALUES (CAST(? AS uuid), CAST(? AS uuid), ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, CAST(? AS jsonb), ?, ?,"
          + " ?, ?)";
  private static final String UPDATE =
      "UPDATE models SET description = ?, task = ?, labels = CAST(? AS jsonb),"
          + " protected_aliases = CAST(? AS jsonb), state = ?, updated_at = ? WHERE id = CAST(? AS uuid)";
  private static final String DELETE =
      "UPDATE models SET state = 'DELETED', deleted_at = ?, updated_at = ?, deleted_by = ?,"
          + " delete_reason = ? WHERE id = CAST(? AS uuid)";
  private static final String LIST =
      "SELECT "
          + COLUMNS
          + " FROM models WHERE project_id = CAST(? AS uuid)"
          + " AND (deleted_at IS NOT NULL) = (COALESCE(CAST(? AS text), '') = 'DELETED')"
          + " AND (CAST(? AS text) IS NULL OR state = ?)"
          + " AND labels @> CAST(? AS jsonb)"
          + " AND (CAST(? AS text) IS NULL OR starts_with(name, ?))"
          + " AND (CAST(? AS text) IS NULL OR name = ?)";

  /** A live project and, if it has one by that name, its live model. */
  public record Found(StoredProject project, Optional<StoredModel> model) {}

  /** The project and the model in one query (the lookup every model-scoped request starts with). */
  public Optional<Found> locate(DbExecute exec, String project, String name) {
    return exec.get(LOCATE, name, project)
        .map(
            row ->
                new Found(
                    ProjectRepository.joined(row),
                    Rows.raw(row, "id") == null
                        ? Optional.empty()
                        : Optional.of(model(row, project))));
  }

  public Optional<StoredModel> find(DbExecute exec, UUID projectId, String project, String name) {
    return exec.get(FIND, projectId, name).map(row -> model(row, project));
  }

  public Optional<StoredModel> lock(DbExecute tx, UUID projectId, String project, String name) {
    return tx.get(LOCK, projectId, name).map(row -> model(row, project));
  }

  public void insert(DbExecute tx, StoredModel stored) {
    Model m = stored.view();
    tx.dml(
        INSERT,
        stored.id(),
        stored.projectId(),
        m.name(),
        m.description(),
        m.task(),
        Rows.json(m.labels()),
        Rows.json(m.variants()),
        m.defaultVariant(),
        Rows.json(m.protectedAliases()),
        m.state(),
        Rows.param(m.createdAt()),
        m.createdBy(),
        Rows.param(m.updatedAt()));
  }

  public void update(DbExecute tx, UUID id, Model m) {
    tx.dml(
        UPDATE,
        m.description(),
        m.task(),
        Rows.json(m.labels()),
        Rows.json(m.protectedAliases()),
        m.state(),
        Rows.param(m.updatedAt()),
        id);
  }

  /** Turns the model into its tombstone: {@code tombstone} says when, by whom and why. */
  public void delete(DbExecute tx, UUID id, Model tombstone) {
    tx.dml(
        DELETE,
        Rows.param(tombstone.deletedAt()),
        Rows.param(tombstone.deletedAt()),
        tombstone.deletedBy(),
        tombstone.deleteReason(),
        id);
  }

  /**
   * One keyset page: {@code after} is the position (sort value, id) of the last row already seen,
   * or empty for the first page.
   */
  public List<Model> list(
      DbExecute exec,
      UUID projectId,
      String project,
      ModelFilter filter,
      SortOrder order,
      Optional<List<String>> after,
      int limit) {
    StringBuilder sql = new StringBuilder(LIST);
    List<Object> params = new ArrayList<>();
    params.add(projectId);
    params.add(filter.state().orElse(null));
    params.add(filter.state().orElse(null));
    params.add(filter.state().orElse(null));
    params.add(Rows.json(filter.labels()));
    params.add(filter.namePrefix().orElse(null));
    params.add(filter.namePrefix().orElse(null));
    params.add(filter.name().orElse(null));
    params.add(filter.name().orElse(null));
    after.ifPresent(
        position -> {
          sql.append(order.afterClause(order.byName() ? "text" : "timestamptz"));
          params.add(order.byName() ? position.get(0) : Rows.param(Instant.parse(position.get(0))));
          params.add(position.get(1));
        });
    sql.append(order.orderClause()).append(" LIMIT ?");
    params.add(limit);
    return Db.list(exec, sql.toString(), row -> model(row, project).view(), params.toArray());
  }

  private static StoredModel model(DbRow row, String project) {
    return new StoredModel(
        row.column("id").get(UUID.class),
        row.column("project_id").get(UUID.class),
        new Model(
            row.column("id").get(UUID.class).toString(),
            Rows.string(row, "name"),
            project,
            Rows.string(row, "description"),
            Rows.string(row, "task"),
            Rows.stringMap(row, "labels"),
            Rows.stringList(row, "variants"),
            Rows.string(row, "default_variant"),
            Rows.stringList(row, "protected_aliases"),
            Rows.string(row, "state"),
            Rows.instant(row, "created_at"),
            Rows.string(row, "created_by"),
            Rows.instant(row, "updated_at"),
            Rows.instant(row, "deleted_at"),
            Rows.string(row, "deleted_by"),
            Rows.string(row, "delete_reason")));
  }
}
