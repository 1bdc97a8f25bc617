package dev.cairn.registry;

import dev.cairn.registry.alias.AliasQueries;
import dev.cairn.registry.alias.AliasService;
import dev.cairn.registry.artifact.FileDownloads;
import dev.cairn.registry.artifact.ReferencePublisher;
import dev.cairn.registry.http.routes.ApiRoutes;
import dev.cairn.registry.http.routes.MlflowArtifactRoutes;
import dev.cairn.registry.http.routes.MlflowRoutes;
import dev.cairn.registry.http.routes.MlflowVersionRoutes;
import dev.cairn.registry.http.routes.RouteGroup;
import dev.cairn.registry.mlflow.LatestVersion;
import dev.cairn.registry.mlflow.MlflowReads;
import dev.cairn.registry.mlflow.MlflowVersionCreate;
import dev.cairn.registry.mlflow.MlflowViews;
import dev.cairn.registry.model.ModelService;
import dev.cairn.registry.version.VersionService;
import java.util.Optional;

/**
 * The MLflow-compatible surface (issue 30, items 6–8): its reads and writes over the same model,
 * version, completion and alias services as {@code /api/v1}, and its artifact routes over the same
 * downloads.
 */
final class MlflowWiring implements RouteGroup {

  private final MlflowRoutes registry;
  private final MlflowVersionRoutes versionRoutes;
  private final MlflowArtifactRoutes artifactRoutes;

  MlflowWiring(
      Kernel kernel,
      Catalog catalog,
      Artifacts artifacts,
      Optional<String> defaultProject,
      NativeServices services) {
    MlflowViews views = new MlflowViews(kernel.json(), defaultProject);
    MlflowReads reads =
        new MlflowReads(
            services.models(),
            services.versions(),
            services.aliasQueries(),
            new LatestVersion(kernel.db(), catalog.models()),
            views);
    // The same alias service instance as the native alias routes: same policy, journal and audit.
    this.registry = new MlflowRoutes(reads, services.aliases(), defaultProject, kernel.responses());
    // Declared and completed by the native services: same roles, audit, events and checks.
    this.versionRoutes =
        new MlflowVersionRoutes(
            new MlflowVersionCreate(
                new ReferencePublisher(
                    kernel.db(),
                    services.versions(),
                    artifacts.references(),
                    artifacts.completion()),
                views),
            defaultProject,
            kernel.responses());
    this.artifactRoutes =
        new MlflowArtifactRoutes(
            services.versions(),
            new FileDownloads(artifacts.blobs(), artifacts.references(), artifacts.failures()),
            kernel.responses());
  }

  /** The native services the MLflow surface answers from, shared with {@code /api/v1}. */
  record NativeServices(
      ModelService models,
      VersionService versions,
      AliasQueries aliasQueries,
      AliasService aliases) {}

  @Override
  public void routes(ApiRoutes routes) {
    routes.add(registry).add(versionRoutes).add(artifactRoutes);
  }
}
