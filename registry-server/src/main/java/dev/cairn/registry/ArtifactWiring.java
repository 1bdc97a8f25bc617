package dev.cairn.registry;

import dev.cairn.registry.artifact.ArtifactsDirPublisher;
import dev.cairn.registry.artifact.FileDownloads;
import dev.cairn.registry.artifact.Imports;
import dev.cairn.registry.artifact.LocalFilePublisher;
import dev.cairn.registry.artifact.OciImporter;
import dev.cairn.registry.artifact.OneShotPublisher;
import dev.cairn.registry.artifact.StagedPublication;
import dev.cairn.registry.artifact.UploadService;
import dev.cairn.registry.artifact.UploadedVersions;
import dev.cairn.registry.artifact.ValidateService;
import dev.cairn.registry.artifact.VersionDeletion;
import dev.cairn.registry.config.RegistrySettings;
import dev.cairn.registry.http.routes.ArtifactRoutes;
import dev.cairn.registry.http.routes.StdRegistrationRoutes;
import dev.cairn.registry.standard.StdRegistrationService;
import dev.cairn.registry.version.VersionService;

/**
 * The factories of the artifact resources (uploads, verification, validation, deletion, one-shot
 * publishing, standard registration): what {@link ResourceRoutes} builds from the {@link Kernel},
 * the {@link Catalog} and the {@link Artifacts} for everything that moves bytes.
 */
final class ArtifactWiring {

  private final Kernel kernel;
  private final Catalog catalog;
  private final Artifacts artifacts;
  private final Meters meters;
  private final RegistrySettings settings;
  private final Signatures signatures;

  ArtifactWiring(
      Kernel kernel,
      Catalog catalog,
      Artifacts artifacts,
      Meters meters,
      RegistrySettings settings,
      Signatures signatures) {
    this.kernel = kernel;
    this.catalog = catalog;
    this.artifacts = artifacts;
    this.meters = meters;
    this.settings = settings;
    this.signatures = signatures;
  }

  OneShotPublisher oneShot(VersionService versions) {
    return new OneShotPublisher(
        artifacts.blobs(),
        uploads(versions),
        kernel.json(),
        settings.blobs().maxFileBytes(),
        settings.maxJsonBytes());
  }

  ArtifactsDirPublisher artifactsDir(VersionService versions) {
    return new ArtifactsDirPublisher(
        artifacts.references(), new LocalFilePublisher(artifacts.blobs(), publication(versions)));
  }

  OciImporter ociImporter(VersionService versions) {
    return new OciImporter(
        artifacts.references(),
        artifacts.blobs(),
        uploads(versions),
        kernel.json(),
        settings.blobs().maxFileBytes());
  }

  StdRegistrationRoutes standardRoutes(VersionService versions) {
    LocalFilePublisher publisher = new LocalFilePublisher(artifacts.blobs(), publication(versions));
    return new StdRegistrationRoutes(
        new StdRegistrationService(
            kernel.db(), catalog.models(), publisher, settings.blobs().maxFileBytes()),
        kernel.responses());
  }

  ArtifactRoutes artifactRoutes() {
    UploadService uploads =
        new UploadService(
            kernel.db(),
            artifacts.blobs(),
            catalog.versions(),
            kernel.journal(),
            artifacts.collector(),
            settings.blobs().maxFileBytes());
    ArtifactRoutes.Commands commands =
        new ArtifactRoutes.Commands(
            uploads,
            new Imports(kernel.db(), catalog.versions(), artifacts.references(), uploads),
            artifacts.completion(),
            artifacts.verifier(),
            new ValidateService(
                kernel.db(),
                catalog.versions(),
                artifacts.verifier(),
                artifacts.validations(),
                kernel.journal(),
                kernel.json()),
            new VersionDeletion(
                kernel.db(),
                catalog.models(),
                catalog.versions(),
                catalog.pointers(),
                kernel.journal(),
                artifacts.collector(),
                kernel.json()));
    return new ArtifactRoutes(
        commands,
        kernel.db(),
        catalog.versions(),
        new FileDownloads(artifacts.blobs(), artifacts.references(), artifacts.failures()),
        kernel.responses());
  }

  /** Where the uploads of the API (multipart one-shot, OCI import) end. */
  private UploadedVersions uploads(VersionService versions) {
    return new UploadedVersions(publication(versions), meters.domain());
  }

  /** The one transaction both one-shot paths end in (staged files become a version). */
  private StagedPublication publication(VersionService versions) {
    return new StagedPublication(
        kernel.db(),
        versions,
        catalog.versions(),
        artifacts.completion(),
        artifacts.collector(),
        signatures.signatures());
  }
}
