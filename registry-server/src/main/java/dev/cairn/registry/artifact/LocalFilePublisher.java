package dev.cairn.registry.artifact;

import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.blob.BlobStore;
import dev.cairn.registry.version.AutoName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Publishes a version whose files the server itself produced on local disk (an STD registration's
 * images and {@code signature.json}): each file is staged, then {@link StagedPublication} writes
 * the version, kept {@code READY} or {@code FAILED} as validation decides.
 */
public final class LocalFilePublisher {

  private final BlobStore blobs;
  private final StagedPublication publication;

  public LocalFilePublisher(BlobStore blobs, StagedPublication publication) {
    this.blobs = blobs;
    this.publication = publication;
  }

  /** How a local file is opened: the server's own files directly, file roots' with their rules. */
  @FunctionalInterface
  public interface Opener {
    InputStream open(Path file, String path) throws IOException;
  }

  /**
   * Publishes {@code request} with {@code local} files (version path → file on disk), the server's
   * own; without a name the version gets the next of {@code series}.
   */
  public Version publish(
      Actor actor,
      String project,
      String model,
      VersionCreate request,
      Map<String, Path> local,
      AutoName series) {
    return publish(
        actor, project, model, request, local, (file, path) -> Files.newInputStream(file), series);
  }

  /** Publishes {@code request} with {@code local} files, each opened by {@code opener}. */
  public Version publish(
      Actor actor,
      String project,
      String model,
      VersionCreate request,
      Map<String, Path> local,
      Opener opener) {
    return publish(actor, project, model, request, local, opener, AutoName.NUMBERED);
  }

  private Version publish(
      Actor actor,
      String project,
      String model,
      VersionCreate request,
      Map<String, Path> local,
      Opener opener,
      AutoName series) {
    try (StagedFiles staged = new StagedFiles()) {
      for (Map.Entry<String, Path> file : ModelSigFile.without(local).entrySet()) {
        try (InputStream in = opener.open(file.getValue(), file.getKey())) {
          staged.add(file.getKey(), blobs.stage(in, Long.MAX_VALUE));
        }
      }
      return publication.publish(
          actor,
          project,
          model,
          request,
          staged.list(),
          false,
          series,
          ModelSigFile.read(local, opener));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
