package dev.cairn.registry.version;

import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.db.BytePages;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import io.helidon.dbclient.DbExecute;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * SQL for versions and their files.
 *
 * <p>One class at about 225 lines on purpose: every statement reads or writes the same version row
 * and its files through {@code VersionRows}, so a column change is one file's edit.
 */
public final class VersionRepository {

  private static final String COLUMNS =
      "id, version, variant, state, format, CAST(runtime AS text) AS runtime, digest, size_bytes,"
          + " CAST(metadata AS text) AS metadata, CAST(provenance AS text) AS provenance,"
          + " CAST(validation AS text) AS validation, CAST(labels AS text) AS labels, notes,"
          + " description, CAST(failure AS text) AS failure, created_at, created_by, ready_at";
  private static final String FIND =
      "SELECT "
          + COLUMNS
          + " FROM versions WHERE model_id = CAST(? AS uuid) AND version = ? AND deleted_at IS NULL";
  private static final String LOCK = FIND + " FOR UPDATE";
  private static final String HIGHEST_AUTO_NUMBER =
      "SELECT COALESCE(MAX(CAST(substr(version, ?) AS bigint)), 0) AS n FROM versions"
          + " WHERE model_id = CAST(? AS uuid) AND version ~ ?";
  private static final String INSERT =
      "INSERT INTO versions (id, model_id, version, variant, state, format, runtime, metadata,"
          + " provenance, validation, labels, notes, description, created_at, created_by,"
          + " updated_at) VALUES (CAST(? AS uuid), CAST(? AS uuid), ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb),"
          + " CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?, ?, ?)";
  private static final String INSERT_FILE =
      "INSERT INTO version_files (version_id, path, sha256, size_bytes, source, uri)"
          + " VALUES (CAST(? AS uuid), ?, ?, ?, ?, ?)";
  private static final String FILES =
      "SELECT path, sha256, size_bytes, source, uri, present FROM version_files"
          + " WHERE version_id = CAST(? AS uuid) ORDER BY path";
  private static final String FILES_OF_MANY =
      "SELECT version_id, path, sha256, size_bytes, source, uri, present FROM version_files"
          + " WHERE version_id = ANY (CAST(? AS uuid[])) ORDER BY path";
  private static final String UPDATE_EDITABLE =
      "UPDATE versions SET notes = ?, description = ?, labels = CAST(? AS jsonb), state = ?,"
          + " updated_at = ? WHERE id = CAST(? AS uuid)";
  private static final String LIST =
      "SELECT "
          + COLUMNS
          + ", (SELECT m.name FROM models m WHERE m.id = versions.model_id) AS model_name"
          + " FROM versions WHERE %s AND deleted_at IS NULL"
          + " AND (CAST(? AS text) IS NULL OR variant = ?)"
          + " AND (CAST(? AS text) IS NULL OR state = ?)"
          + " AND labels @> CAST(? AS jsonb)"
          + " AND (CAST(? AS text) IS NULL OR version IN (SELECT p.value FROM aliases a,"
          + " jsonb_each_text(a.pointers) p WHERE a.model_id = versions.model_id AND a.alias = ?))"
          + " AND (CAST(? AS text) IS NULL OR starts_with(version, ?))"
          + " AND (CAST(? AS text) IS NULL OR version = ?)";
  private static final String IN_MODEL = "model_id = CAST(? AS uuid)";
  private static final String IN_PROJECT =
      "model_id IN (SELECT id FROM models WHERE project_id = CAST(? AS uuid)"
          + " AND deleted_at IS NULL AND (CAST(? AS text) IS NULL OR name = ?))";
  private static final String LIST_AFTER =
      " AND (created_at, id) > (CAST(? AS timestamptz), CAST(? AS uuid))";
  private static final String LIST_ORDER = " ORDER BY created_at, id LIMIT ?";

  /**
   * Bytes of metadata and provenance one page carries at most (spec 40-security: lists are capped
   * in bytes): 8 versions of maximal documents, or a full page of ordinary ones.
   */
  public static final long PAGE_DOCUMENT_BYTES = 1024L * 1024;

  public record Listed(List<Version> rows, int pageSize) {}

  public Optional<StoredVersion> find(DbExecute exec, UUID modelId, String model, String version) {
    return exec.get(FIND, modelId, version)
        .map(row -> withFiles(exec, VersionRows.version(row, model)));
  }

  /**
   * The version without its file list: what activation rules read (state, variant, validation,
   * author), one query instead of two.
   */
  public Optional<StoredVersion> findHead(
      DbExecute exec, UUID modelId, String model, String version) {
    return exec.get(FIND, modelId, version).map(row -> VersionRows.version(row, model));
  }

  public Optional<StoredVersion> lock(DbExecute tx, UUID modelId, String model, String version) {
    return tx.get(LOCK, modelId, version)
        .map(row -> withFiles(tx, VersionRows.version(row, model)));
  }

  /**
   * The highest number of the series in use ({@code v<n>}, {@code failed-<n>}), deleted versions
   * included so that a name is never given twice; call with the model row locked.
   */
  public long highestAutoNumber(DbExecute tx, UUID modelId, AutoName series) {
    String prefix = series.prefix();
    return tx.get(HIGHEST_AUTO_NUMBER, prefix.length() + 1, modelId, "^" + prefix + "[0-9]{1,18}$")
        .map(r -> Rows.longValue(r, "n"))
        .orElse(0L);
  }

  public void insert(DbExecute tx, UUID modelId, StoredVersion stored) {
    Version v = stored.view();
    tx.dml(
        INSERT,
        stored.id(),
        modelId,
        v.version(),
        v.variant(),
        v.state(),
        v.format(),
        Rows.json(v.runtime()),
        Rows.json(v.metadata()),
        Rows.json(v.provenance()),
        Rows.json(v.validation()),
        Rows.json(v.labels()),
        v.notes(),
        v.description(),
        Rows.param(v.createdAt()),
        v.createdBy(),
        Rows.param(v.createdAt()));
    for (VersionFile f : v.files()) {
      tx.dml(INSERT_FILE, stored.id(), f.path(), f.sha256(), f.sizeBytes(), f.source(), f.uri());
    }
  }

  public void updateEditable(DbExecute tx, UUID id, Version v, Instant at) {
    tx.dml(
        UPDATE_EDITABLE,
        v.notes(),
        v.description(),
        Rows.json(v.labels()),
        v.state(),
        Rows.param(at),
        id);
  }

  /** The versions of one model, one keyset page. */
  public Listed list(
      DbExecute exec, UUID modelId, VersionFilter filter, Optional<List<String>> after, int limit) {
    return list(exec, IN_MODEL, List.of(modelId), filter, after, limit);
  }

  /** The versions of every live model of a project ({@code filter.model()} narrows to one). */
  public Listed listInProject(
      DbExecute exec,
      UUID projectId,
      VersionFilter filter,
      Optional<List<String>> after,
      int limit) {
    String model = filter.model().orElse(null);
    return list(exec, IN_PROJECT, Arrays.asList(projectId, model, model), filter, after, limit);
  }

  private Listed list(
      DbExecute exec,
      String scope,
      List<Object> scopeParams,
      VersionFilter filter,
      Optional<List<String>> after,
      int limit) {
    StringBuilder sql = new StringBuilder(LIST.formatted(scope));
    List<Object> params = new ArrayList<>(scopeParams);
    params.add(filter.variant().orElse(null));
    params.add(filter.variant().orElse(null));
    params.add(filter.state().orElse(null));
    params.add(filter.state().orElse(null));
    params.add(Rows.json(filter.labels()));
    params.add(filter.alias().orElse(null));
    params.add(filter.alias().orElse(null));
    params.add(filter.namePrefix().orElse(null));
    params.add(filter.namePrefix().orElse(null));
    params.add(filter.name().orElse(null));
    params.add(filter.name().orElse(null));
    after.ifPresent(
        position -> {
          sql.append(LIST_AFTER);
          params.add(Rows.param(Instant.parse(position.get(0))));
          params.add(position.get(1));
        });
    sql.append(LIST_ORDER);
    params.add(limit);
    BytePages.Capped<Version> capped =
        BytePages.list(
            exec,
            sql.toString(),
            "created_at, id",
            List.of("metadata", "provenance"),
            row -> VersionRows.version(row, Rows.string(row, "model_name")).view(),
            limit - 1,
            PAGE_DOCUMENT_BYTES,
            params.toArray());
    return new Listed(withFiles(exec, capped.rows()), capped.pageSize());
  }

  private List<Version> withFiles(DbExecute exec, List<Version> versions) {
    if (versions.isEmpty()) {
      return versions;
    }
    // Files of the whole page in one query, after the page's own result is closed.
    Map<String, List<VersionFile>> files =
        Db.list(
                exec,
                FILES_OF_MANY,
                row -> Map.entry(Rows.string(row, "version_id"), VersionRows.file(row)),
                (Object) versions.stream().map(Version::id).toArray(String[]::new))
            .stream()
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getKey,
                    Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    return versions.stream().map(v -> v.withFiles(files.getOrDefault(v.id(), List.of()))).toList();
  }

  private static StoredVersion withFiles(DbExecute exec, StoredVersion stored) {
    return new StoredVersion(
        stored.id(), stored.view().withFiles(Db.list(exec, FILES, VersionRows::file, stored.id())));
  }
}
