package dev.cairn.registry;

import dev.cairn.registry.alias.AliasRepository;
import dev.cairn.registry.instance.InstanceRepository;
import dev.cairn.registry.model.ModelLookup;
import dev.cairn.registry.model.ModelRepository;
import dev.cairn.registry.pointer.AliasPointers;
import dev.cairn.registry.project.ProjectRepository;
import dev.cairn.registry.version.VersionLookup;
import dev.cairn.registry.version.VersionRepository;

/**
 * The repositories and lookups several resources read: projects, models and versions by name, the
 * aliases and the pointers that keep them, and the serving instances.
 */
record Catalog(
    ModelRepository modelRepository,
    VersionRepository versionRepository,
    ModelLookup models,
    VersionLookup versions,
    AliasRepository aliases,
    AliasPointers pointers,
    InstanceRepository instances) {

  static Catalog create() {
    ModelRepository modelRepository = new ModelRepository();
    VersionRepository versionRepository = new VersionRepository();
    ModelLookup models = new ModelLookup(new ProjectRepository(), modelRepository);
    return new Catalog(
        modelRepository,
        versionRepository,
        models,
        new VersionLookup(models, versionRepository),
        new AliasRepository(),
        new AliasPointers(),
        new InstanceRepository());
  }
}
