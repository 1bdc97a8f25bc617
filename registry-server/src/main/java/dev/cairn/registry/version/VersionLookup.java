package dev.cairn.registry.version;

import dev.cairn.registry.model.ModelLookup;
import dev.cairn.registry.model.StoredModel;
import io.helidon.dbclient.DbExecute;

/** Finds a live version by project, model and name, answering the contract's 404s. */
public final class VersionLookup {

  private final ModelLookup models;
  private final VersionRepository versions;

  public VersionLookup(ModelLookup models, VersionRepository versions) {
    this.models = models;
    this.versions = versions;
  }

  public StoredVersion find(DbExecute exec, String project, String model, String version) {
    StoredModel m = models.model(exec, project, model);
    return versions
        .find(exec, m.id(), model, version)
        .orElseThrow(() -> VersionService.notFound(model, version));
  }

  /** The version row locked until the transaction ends. */
  public StoredVersion lock(DbExecute tx, String project, String model, String version) {
    StoredModel m = models.model(tx, project, model);
    return versions
        .lock(tx, m.id(), model, version)
        .orElseThrow(() -> VersionService.notFound(model, version));
  }
}
