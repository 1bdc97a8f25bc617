package dev.cairn.registry.pointer;

import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import io.helidon.dbclient.DbExecute;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Which aliases point at what: the read-only queries that models, versions and deletions ask before
 * they change something an alias may point at. They sit below the {@code alias} package so that
 * those services need not depend on it (the alias service depends on them).
 */
public final class AliasPointers {

  private static final String ALIASES_OF_VERSION =
      "SELECT a.alias FROM aliases a WHERE a.model_id = CAST(? AS uuid) AND EXISTS"
          + " (SELECT 1 FROM jsonb_each_text(a.pointers) p WHERE p.value = ?) ORDER BY a.alias";
  private static final String POINTERS_AT =
      "SELECT CAST(h.pointers AS text) AS pointers FROM alias_history h"
          + " JOIN aliases a ON a.id = h.alias_id"
          + " WHERE a.model_id = CAST(? AS uuid) AND a.alias = ? AND h.generation = ?";
  private static final String ALIASES_WITH_POINTERS =
      "SELECT alias, CAST(pointers AS text) AS pointers FROM aliases"
          + " WHERE model_id = CAST(? AS uuid) AND pointers <> CAST('{}' AS jsonb) ORDER BY alias";
  private static final String ALIASES_BY_VERSION =
      "SELECT p.value AS version, a.alias FROM aliases a, jsonb_each_text(a.pointers) p"
          + " WHERE a.model_id = CAST(? AS uuid) ORDER BY a.alias";
  private static final String ALIASES_BY_MODEL_VERSION =
      "SELECT m.name AS model, p.value AS version, a.alias"
          + " FROM aliases a JOIN models m ON m.id = a.model_id, jsonb_each_text(a.pointers) p"
          + " WHERE m.project_id = CAST(? AS uuid) AND m.deleted_at IS NULL"
          + " AND m.name = ANY (CAST(? AS text[])) ORDER BY a.alias";

  /** The aliases of a model that point at {@code version} in some variant, sorted. */
  public List<String> aliasesOf(DbExecute exec, UUID modelId, String version) {
    return Db.list(
        exec, ALIASES_OF_VERSION, row -> Rows.string(row, "alias"), modelId.toString(), version);
  }

  /** Every version of a model that an alias points at, with those aliases. */
  public Map<String, List<String>> aliasesByVersion(DbExecute exec, UUID modelId) {
    Map<String, List<String>> byVersion = new TreeMap<>();
    Db.list(
            exec,
            ALIASES_BY_VERSION,
            row -> Map.entry(Rows.string(row, "version"), Rows.string(row, "alias")),
            modelId.toString())
        .forEach(
            e -> byVersion.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return byVersion;
  }

  /**
   * For versions of several models of one project: "model:version" → the aliases pointing at it, in
   * one query.
   */
  public Map<String, List<String>> aliasesByModelVersion(
      DbExecute exec, UUID projectId, Collection<String> models) {
    Map<String, List<String>> byVersion = new TreeMap<>();
    Db.list(
            exec,
            ALIASES_BY_MODEL_VERSION,
            row ->
                Map.entry(
                    Rows.string(row, "model") + ":" + Rows.string(row, "version"),
                    Rows.string(row, "alias")),
            projectId.toString(),
            models.toArray(String[]::new))
        .forEach(
            e -> byVersion.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return byVersion;
  }

  /**
   * The aliases of a model that point at anything (an alias "in use"), each with its pointers,
   * sorted by alias.
   */
  public Map<String, Map<String, String>> aliasesWithPointers(DbExecute exec, UUID modelId) {
    Map<String, Map<String, String>> inUse = new TreeMap<>();
    Db.list(
            exec,
            ALIASES_WITH_POINTERS,
            row -> Map.entry(Rows.string(row, "alias"), Rows.stringMap(row, "pointers")),
            modelId.toString())
        .forEach(e -> inUse.put(e.getKey(), new TreeMap<>(e.getValue())));
    return inUse;
  }

  /**
   * The pointers {@code alias} had at {@code generation} (from its history), or empty when the
   * alias never had that generation.
   */
  public Optional<Map<String, String>> pointersAt(
      DbExecute exec, UUID modelId, String alias, long generation) {
    return exec.get(POINTERS_AT, modelId.toString(), alias, generation)
        .map(row -> Rows.stringMap(row, "pointers"));
  }
}
