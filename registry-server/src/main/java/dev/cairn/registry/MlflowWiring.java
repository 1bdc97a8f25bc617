package dev.cairn.registry;

import dev.cairn.registry.alias.AliasQueries;
import dev.cairn.registry.alias.AliasService;
import dev.cairn.registry.artifact.FileDownloads;
import dev.cairn.registry.http.routes.ApiRoutes;
import dev.cairn.registry.http.routes.MlflowArtifactRoutes;
import dev.cairn.registry.http.routes.MlflowRoutes;
import dev.cairn.registry.http.routes.RouteGroup;
import dev.cairn.registry.mlflow.LatestVersion;
import dev.cairn.registry.mlflow.MlflowReads;
import dev.cairn.registry.mlflow.MlflowViews;
import dev.cairn.registry.model.ModelService;
import dev.cairn.registry.version.VersionService;
import java.util.Optional;

/**
 * The MLflow-compatible surface (issue 30, items 6–8): its reads over the same model, version and
 * alias services as {@code /api/v1}, and its artifact routes over the same downloads.
 */
final class MlflowWiring implements RouteGroup {

  private final MlflowRoutes registry;
  private final MlflowArtifactRoutes artifactRoutes;

  MlflowWiring(
      Kernel kernel,
      Catalog catalog,
      Artifacts artifacts,
      Optional<String> defaultProject,
      ModelService models,
      VersionService versions,
      AliasQueries aliases) {
    MlflowReads reads =
        new MlflowReads(
            models,
            versions,
            aliases,
            new LatestVersion(kernel.db(), catalog.models()),
            new MlflowViews(kernel.json(), defaultProject));
    // The same service, on the same database and journal, as the native alias routes.
    AliasService aliasService =
        new AliasService(
            kernel.db(),
            catalog.models(),
            catalog.versionRepository(),
            catalog.aliases(),
            kernel.journal(),
            kernel.json());
    this.registry = new MlflowRoutes(reads, aliasService, defaultProject, kernel.responses());
    this.artifactRoutes =
        new MlflowArtifactRoutes(
            versions,
            new FileDownloads(artifacts.blobs(), artifacts.references(), artifacts.failures()),
            kernel.responses());
  }

  @Override
  public void routes(ApiRoutes routes) {
    routes.add(registry).add(artifactRoutes);
  }
}
