package dev.cairn.registry.mlflow;

import dev.cairn.client.model.Version;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.model.ModelLookup;
import dev.cairn.registry.model.StoredModel;
import java.util.Optional;

/**
 * The newest READY version of a model's default variant: what MLflow's "latest version" (the
 * highest version number in a stage) is on a registry whose versions have no stage. One indexed
 * query; the native listing pages oldest first and would have to be read to its end.
 */
public final class LatestVersion {

  private static final String NEWEST_READY =
      "SELECT version FROM versions WHERE model_id = CAST(? AS uuid) AND deleted_at IS NULL"
          + " AND state = ? AND variant = ? ORDER BY created_at DESC, id DESC LIMIT 1";

  private final Db db;
  private final ModelLookup lookup;

  public LatestVersion(Db db, ModelLookup lookup) {
    this.db = db;
    this.lookup = lookup;
  }

  /** The Cairn name of the newest READY version of {@code model}'s default variant, if any. */
  public Optional<String> of(String project, String model) {
    return db.read(
        exec -> {
          StoredModel m = lookup.model(exec, project, model);
          return exec.get(
                  NEWEST_READY, m.id(), Version.State.READY.wire(), m.view().defaultVariant())
              .map(row -> Rows.string(row, "version"));
        });
  }
}
