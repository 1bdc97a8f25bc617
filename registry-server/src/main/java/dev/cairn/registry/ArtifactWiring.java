package dev.cairn.registry;

import dev.cairn.registry.artifact.ArtifactsDirPublisher;
import dev.cairn.registry.artifact.FileDownloads;
import dev.cairn.registry.artifact.Imports;
import dev.cairn.registry.artifact.LocalFilePublisher;
import dev.cairn.registry.artifact.OneShotPublisher;
import dev.cairn.registry.artifact.UploadService;
import dev.cairn.registry.artifact.ValidateService;
import dev.cairn.registry.artifact.VersionDeletion;
import dev.cairn.registry.config.RegistrySettings;
import dev.cairn.registry.http.routes.ArtifactRoutes;
import dev.cairn.registry.http.routes.StdRegistrationRoutes;
import dev.cairn.registry.standard.StdRegistrationService;
import dev.cairn.registry.version.VersionService;

/**
 * The factories of the artifact resources (uploads, verification, validation, deletion, one-shot
 * publishing, standard registration): what {@link RegistryApi} builds from the shared {@link
 * Wiring} for everything that moves bytes.
 */
final class ArtifactWiring {

  private ArtifactWiring() {}

  static OneShotPublisher oneShot(Wiring w, VersionService versions, RegistrySettings settings) {
    return new OneShotPublisher(
        w.db(),
        w.blobs(),
        versions,
        w.versions(),
        w.completion(),
        w.collector(),
        w.json(),
        settings.blobs().maxFileBytes(),
        settings.maxJsonBytes(),
        w.domainMetrics());
  }

  static ArtifactsDirPublisher artifactsDir(Wiring w, VersionService versions) {
    return new ArtifactsDirPublisher(
        w.references(),
        new LocalFilePublisher(
            w.db(), w.blobs(), versions, w.versions(), w.completion(), w.collector()));
  }

  static StdRegistrationRoutes standardRoutes(
      Wiring w, VersionService versions, RegistrySettings settings) {
    LocalFilePublisher publisher =
        new LocalFilePublisher(
            w.db(), w.blobs(), versions, w.versions(), w.completion(), w.collector());
    return new StdRegistrationRoutes(
        new StdRegistrationService(w.db(), w.models(), publisher, settings.blobs().maxFileBytes()),
        w.responses());
  }

  static ArtifactRoutes artifactRoutes(Wiring w, RegistrySettings settings) {
    UploadService uploads =
        new UploadService(
            w.db(),
            w.blobs(),
            w.versions(),
            w.journal(),
            w.collector(),
            settings.blobs().maxFileBytes());
    return new ArtifactRoutes(
        uploads,
        w.completion(),
        new Imports(w.db(), w.versions(), w.references(), uploads),
        w.verifier(),
        new ValidateService(
            w.db(), w.versions(), w.verifier(), w.validations(), w.journal(), w.json()),
        new VersionDeletion(
            w.db(), w.models(), w.versions(), w.pointers(), w.journal(), w.collector(), w.json()),
        w.db(),
        w.versions(),
        new FileDownloads(w.blobs(), w.references(), w.failures()),
        w.responses());
  }
}
