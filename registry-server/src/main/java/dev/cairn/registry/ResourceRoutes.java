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
import dev.cairn.registry.http.routes.SignatureRoutes;
import dev.cairn.registry.http.routes.TrustRoutes;
import dev.cairn.registry.http.routes.VersionRoutes;
import dev.cairn.registry.http.routes.WhoAmIRoutes;
import dev.cairn.registry.instance.InstanceService;
import dev.cairn.registry.model.ModelService;
import dev.cairn.registry.project.ProjectRepository;
import dev.cairn.registry.project.ProjectService;
import dev.cairn.registry.resolve.ResolveCache;
import dev.cairn.registry.resolve.ResolveService;
import dev.cairn.registry.resolve.VersionViews;
import dev.cairn.registry.version.Formats;
import dev.cairn.registry.version.IdLookups;
import dev.cairn.registry.version.ProjectVersions;
import dev.cairn.registry.version.VersionRules;
import dev.cairn.registry.version.VersionService;
import dev.cairn.registry.version.VersionStore;

/**
 * The route groups of the API's resources (projects to audit), each built by hand from the {@link
 * Kernel}, the {@link Catalog} and the {@link Artifacts}; {@link RegistryApi} adds the service
 * routes and owns what runs in the background.
 */
final class ResourceRoutes {

  private final Kernel kernel;
  private final Catalog catalog;
  private final Artifacts artifacts;
  private final RegistrySettings settings;
  private final ArtifactWiring artifactWiring;
  private final Signatures signatures;

  ResourceRoutes(
      Kernel kernel,
      Catalog catalog,
      Artifacts artifacts,
      Meters meters,
      RegistrySettings settings) {
    this.kernel = kernel;
    this.catalog = catalog;
    this.artifacts = artifacts;
    this.settings = settings;
    this.signatures = Signatures.create(kernel, catalog, meters, settings.signing());
    this.artifactWiring =
        new ArtifactWiring(kernel, catalog, artifacts, meters, settings, signatures);
  }

  /** Every resource's routes, added to {@code routes}. */
  ApiRoutes addTo(ApiRoutes routes, EventStreams streams, ResolveCache resolveCache) {
    FilePresence presence = new FilePresence(artifacts.blobs());
    AliasQueries aliasQueries =
        new AliasQueries(
            kernel.db(),
            catalog.models(),
            catalog.aliases(),
            kernel.pageTokens(),
            catalog.pointers(),
            catalog.versionRepository(),
            signatures.status());
    VersionService versions = versionService();
    ModelService models = modelService();
    AliasService aliases = aliasService();
    return routes
        .add(new WhoAmIRoutes(kernel.responses()))
        .add(projectRoutes())
        .add(new TrustRoutes(signatures.trust(), kernel.responses()))
        .add(new SignatureRoutes(signatures.signatures(), kernel.responses()))
        .add(new ModelRoutes(models, kernel.responses()))
        .add(idRoutes(models, versions, presence))
        .add(
            new VersionRoutes(
                versions,
                new VersionViews(presence, signatures.status()),
                artifactWiring.oneShot(versions),
                artifactWiring.artifactsDir(versions),
                artifactWiring.ociImporter(versions),
                kernel.responses()))
        .add(artifactWiring.standardRoutes(versions))
        .add(artifactWiring.artifactRoutes())
        .add(aliasRoutes(aliases, aliasQueries))
        .add(instanceRoutes())
        .add(new EventRoutes(streams, kernel.db(), catalog.models()))
        .add(resolveRoutes(aliasQueries, presence, resolveCache))
        .add(
            new AuditRoutes(
                kernel.auditRepository(),
                new AuditVerifier(kernel.auditRepository(), kernel.keyedFrom()),
                kernel.pageTokens(),
                kernel.responses()))
        .add(
            new MlflowWiring(
                kernel,
                catalog,
                artifacts,
                settings.mlflowDefaultProject(),
                new MlflowWiring.NativeServices(models, versions, aliasQueries, aliases)));
  }

  private VersionService versionService() {
    return new VersionService(
        new VersionStore(
            kernel.db(),
            catalog.versionRepository(),
            catalog.models(),
            kernel.journal(),
            catalog.pointers(),
            kernel.json()),
        kernel.pageTokens(),
        new VersionRules(
            new Formats(settings.extraFormats()), settings.maxMetadataBytes(), kernel.json()));
  }

  private ProjectRoutes projectRoutes() {
    return new ProjectRoutes(
        new ProjectService(
            kernel.db(),
            new ProjectRepository(),
            kernel.journal(),
            kernel.pageTokens(),
            kernel.json()),
        kernel.responses());
  }

  private ModelService modelService() {
    return new ModelService(
        kernel.db(),
        catalog.modelRepository(),
        catalog.models(),
        kernel.journal(),
        catalog.pointers(),
        kernel.pageTokens(),
        kernel.json());
  }

  private IdRoutes idRoutes(ModelService models, VersionService versions, FilePresence presence) {
    return new IdRoutes(
        new IdLookups(kernel.db()),
        models,
        versions,
        new VersionViews(presence, signatures.status()),
        new ProjectVersions(
            kernel.db(),
            catalog.versionRepository(),
            catalog.models(),
            catalog.pointers(),
            kernel.pageTokens()),
        kernel.responses());
  }

  private AliasService aliasService() {
    return new AliasService(
        kernel.db(),
        catalog.models(),
        catalog.versionRepository(),
        catalog.aliases(),
        signatures.status(),
        kernel.journal(),
        kernel.json());
  }

  private AliasRoutes aliasRoutes(AliasService aliases, AliasQueries aliasQueries) {
    return new AliasRoutes(
        aliases,
        aliasQueries,
        new ModelStatusService(
            kernel.db(),
            catalog.models(),
            catalog.aliases(),
            new ServingCounter(catalog.instances())),
        kernel.responses());
  }

  private InstanceRoutes instanceRoutes() {
    return new InstanceRoutes(
        new InstanceService(
            kernel.db(),
            catalog.models(),
            catalog.instances(),
            catalog.pointers(),
            catalog.versionRepository(),
            kernel.journal(),
            kernel.json()),
        kernel.responses());
  }

  private ResolveRoutes resolveRoutes(
      AliasQueries aliasQueries, FilePresence presence, ResolveCache resolveCache) {
    return new ResolveRoutes(
        new ResolveService(
            kernel.db(),
            catalog.models(),
            catalog.versionRepository(),
            aliasQueries,
            new VersionViews(presence, signatures.status()),
            artifacts.verifier(),
            resolveCache),
        kernel.responses());
  }
}
