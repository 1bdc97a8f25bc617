package dev.cairn.registry;

import dev.cairn.registry.alias.AliasQueries;
import dev.cairn.registry.alias.AliasService;
import dev.cairn.registry.alias.ModelStatusService;
import dev.cairn.registry.alias.ServingCounter;
import dev.cairn.registry.artifact.FilePresence;
import dev.cairn.registry.audit.AuditVerifier;
import dev.cairn.registry.config.RegistrySettings;
import dev.cairn.registry.events.EventStreams;
import dev.cairn.registry.http.routes.AliasRoutes;
import dev.cairn.registry.http.routes.ApiRoutes;
import dev.cairn.registry.http.routes.AuditRoutes;
import dev.cairn.registry.http.routes.EventRoutes;
import dev.cairn.registry.http.routes.IdRoutes;
import dev.cairn.registry.http.routes.InstanceRoutes;
import dev.cairn.registry.http.routes.ModelRoutes;
import dev.cairn.registry.http.routes.ProjectRoutes;
import dev.cairn.registry.http.routes.ResolveRoutes;
import dev.cairn.registry.http.routes.VersionRoutes;
import dev.cairn.registry.http.routes.WhoAmIRoutes;
import dev.cairn.registry.instance.InstanceService;
import dev.cairn.registry.model.ModelService;
import dev.cairn.registry.project.ProjectRepository;
import dev.cairn.registry.project.ProjectService;
import dev.cairn.registry.resolve.ResolveCache;
import dev.cairn.registry.resolve.ResolveService;
import dev.cairn.registry.version.Formats;
import dev.cairn.registry.version.IdLookups;
import dev.cairn.registry.version.ProjectVersions;
import dev.cairn.registry.version.VersionRules;
import dev.cairn.registry.version.VersionService;

/**
 * The route groups of the API's resources (projects to audit), each built by hand from the shared
 * {@link Wiring}; {@link RegistryApi} adds the service routes and owns what runs in the background.
 */
final class ResourceRoutes {

  private ResourceRoutes() {}

  /** Every resource's routes, added to {@code routes}. */
  static ApiRoutes addTo(
      ApiRoutes routes,
      Wiring w,
      RegistrySettings settings,
      EventStreams streams,
      ResolveCache resolveCache) {
    FilePresence presence = new FilePresence(w.blobs());
    AliasQueries aliasQueries =
        new AliasQueries(w.db(), w.models(), w.aliases(), w.pageTokens(), w.pointers());
    VersionService versions = versionService(w, settings);
    ModelService models = modelService(w);
    return routes
        .add(new WhoAmIRoutes(w.responses()))
        .add(projectRoutes(w))
        .add(new ModelRoutes(models, w.responses()))
        .add(idRoutes(w, models, versions, presence))
        .add(
            new VersionRoutes(
                versions,
                presence,
                ArtifactWiring.oneShot(w, versions, settings),
                ArtifactWiring.artifactsDir(w, versions),
                w.responses()))
        .add(ArtifactWiring.standardRoutes(w, versions, settings))
        .add(ArtifactWiring.artifactRoutes(w, settings))
        .add(aliasRoutes(w, aliasQueries))
        .add(instanceRoutes(w))
        .add(new EventRoutes(streams, w.db(), w.models()))
        .add(resolveRoutes(w, aliasQueries, presence, resolveCache))
        .add(
            new AuditRoutes(
                w.auditRepository(),
                new AuditVerifier(w.auditRepository(), w.keyedFrom()),
                w.pageTokens(),
                w.responses()));
  }

  private static VersionService versionService(Wiring w, RegistrySettings settings) {
    return new VersionService(
        w.db(),
        w.versionRepository(),
        w.models(),
        w.journal(),
        w.pointers(),
        w.pageTokens(),
        w.json(),
        new VersionRules(
            new Formats(settings.extraFormats()), settings.maxMetadataBytes(), w.json()));
  }

  private static ProjectRoutes projectRoutes(Wiring w) {
    return new ProjectRoutes(
        new ProjectService(w.db(), new ProjectRepository(), w.journal(), w.pageTokens(), w.json()),
        w.responses());
  }

  private static ModelService modelService(Wiring w) {
    return new ModelService(
        w.db(),
        w.modelRepository(),
        w.models(),
        w.journal(),
        w.pointers(),
        w.pageTokens(),
        w.json());
  }

  private static IdRoutes idRoutes(
      Wiring w, ModelService models, VersionService versions, FilePresence presence) {
    return new IdRoutes(
        new IdLookups(w.db()),
        models,
        versions,
        presence,
        new ProjectVersions(
            w.db(), w.versionRepository(), w.models(), w.pointers(), w.pageTokens()),
        w.responses());
  }

  private static AliasRoutes aliasRoutes(Wiring w, AliasQueries aliasQueries) {
    return new AliasRoutes(
        new AliasService(
            w.db(), w.models(), w.versionRepository(), w.aliases(), w.journal(), w.json()),
        aliasQueries,
        new ModelStatusService(w.db(), w.models(), w.aliases(), new ServingCounter(w.instances())),
        w.responses());
  }

  private static InstanceRoutes instanceRoutes(Wiring w) {
    return new InstanceRoutes(
        new InstanceService(
            w.db(),
            w.models(),
            w.instances(),
            w.pointers(),
            w.versionRepository(),
            w.journal(),
            w.json()),
        w.responses());
  }

  private static ResolveRoutes resolveRoutes(
      Wiring w, AliasQueries aliasQueries, FilePresence presence, ResolveCache resolveCache) {
    return new ResolveRoutes(
        new ResolveService(
            w.db(),
            w.models(),
            w.versionRepository(),
            aliasQueries,
            presence,
            w.verifier(),
            resolveCache),
        w.responses());
  }
}
