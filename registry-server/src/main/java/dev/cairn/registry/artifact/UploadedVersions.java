package dev.cairn.registry.artifact;

import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.metrics.DomainMetrics;
import dev.cairn.registry.version.AutoName;
import dev.cairn.registry.version.VersionState;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How an upload through the API becomes a version, for both that send bytes in the request (the
 * multipart one-shot and the OCI import): timed under its path's publish metric, the staged files
 * published as a new version that must come out READY (a numbered name when none is given), and a
 * name already taken answered {@code VERSION_EXISTS}. The staged files stay with the caller, which
 * closes them. Public so the wiring (another package) can build it for both.
 */
public final class UploadedVersions {

  private final StagedPublication publication;
  private final DomainMetrics metrics;

  public UploadedVersions(StagedPublication publication, DomainMetrics metrics) {
    this.publication = publication;
    this.metrics = metrics;
  }

  /** Runs one upload ({@code path}: one_shot or oci_import) under the publish metric. */
  Version timed(String path, Supplier<Version> upload) {
    return metrics.timedPublish(path, upload, v -> VersionState.of(v) == VersionState.READY);
  }

  /** Publishes {@code request} with {@code staged} as its files, and {@code modelSig} if any. */
  Version publish(
      Actor actor,
      String project,
      String model,
      VersionCreate request,
      StagedFiles staged,
      Optional<byte[]> modelSig) {
    try {
      return publication.publish(
          actor, project, model, request, staged.list(), true, AutoName.NUMBERED, modelSig);
    } catch (RuntimeException e) {
      if (Db.isUniqueViolation(e)) {
        throw ApiException.conflict(
            "VERSION_EXISTS", "that version already exists in model '" + model + "'");
      }
      throw e;
    }
  }
}
