package dev.cairn.registry.version;

import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.domain.ApiException;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a model or version id lives (seed 004's clients store ids, not names): the project and
 * names to read it by. Deleted models and versions, and those of deleted projects, have no place.
 */
public final class IdLookups {

  private static final String MODEL =
      "SELECT p.name AS project, m.name AS model FROM models m"
          + " JOIN projects p ON p.id = m.project_id"
          + " WHERE m.id = CAST(? AS uuid) AND m.deleted_at IS NULL AND p.deleted_at IS NULL";
  private static final String VERSION =
      "SELECT p.name AS project, m.name AS model, v.version FROM versions v"
          + " JOIN models m ON m.id = v.model_id JOIN projects p ON p.id = m.project_id"
          + " WHERE v.id = CAST(? AS uuid) AND v.deleted_at IS NULL AND m.deleted_at IS NULL"
          + " AND p.deleted_at IS NULL";

  /** A model by its names. */
  public record ModelAt(String project, String model) {}

  /** A version by its names. */
  public record VersionAt(String project, String model, String version) {}

  private final Db db;

  public IdLookups(Db db) {
    this.db = db;
  }

  public Optional<ModelAt> model(String id) {
    UUID uuid = parse("model", id);
    return db.read(
        exec ->
            exec.get(MODEL, uuid.toString())
                .map(row -> new ModelAt(Rows.string(row, "project"), Rows.string(row, "model"))));
  }

  public Optional<VersionAt> version(String id) {
    UUID uuid = parse("version", id);
    return db.read(
        exec ->
            exec.get(VERSION, uuid.toString())
                .map(
                    row ->
                        new VersionAt(
                            Rows.string(row, "project"),
                            Rows.string(row, "model"),
                            Rows.string(row, "version"))));
  }

  private static UUID parse(String kind, String id) {
    try {
      UUID uuid = UUID.fromString(id);
      if (uuid.toString().equalsIgnoreCase(id)) {
        return uuid;
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw ApiException.badRequest(
        kind + " id must be a UUID such as 3f2b…-…, not '" + cut(id) + "'");
  }

  private static String cut(String id) {
    return id.length() > 64 ? id.substring(0, 64) + "…" : id;
  }
}
