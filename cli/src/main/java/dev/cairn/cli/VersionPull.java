package dev.cairn.cli;

import dev.cairn.client.CairnClient;
import dev.cairn.client.ErrorText;
import dev.cairn.client.PinnedDownload;
import dev.cairn.client.model.Failure;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code version pull}: every file of a version written under a directory as {@code <file>.part},
 * hashed while it is written, and renamed to its name only once its bytes are its pin; a part that
 * fails is deleted and the pull exits 3 (6 when the connection broke). A file that runs past its
 * pinned size is cut off there, so a lying registry cannot fill the disk.
 */
final class VersionPull {

  private final CairnClient client;
  private final String project;
  private final String model;

  VersionPull(CairnClient client, String project, String model) {
    this.client = client;
    this.project = project;
    this.model = model;
  }

  void pull(Version version, Path directory) {
    for (VersionFile file : version.files()) {
      Path target = directory.resolve(file.path()).normalize();
      if (!target.startsWith(directory.normalize())) {
        throw new ExitCodes.Failure(
            ExitCodes.INTEGRITY, "'" + file.path() + "' leaves the directory");
      }
      Path part = target.resolveSibling(target.getFileName() + ".part");
      try {
        Files.createDirectories(target.getParent());
        try {
          write(version, file, part);
        } catch (RuntimeException e) {
          Files.deleteIfExists(part); // nothing unverified is left behind
          throw e;
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Downloads {@code file} into {@code part}; returns only when its bytes are its pin. */
  private void write(Version version, VersionFile file, Path part) throws IOException {
    long pinned = file.sizeBytes() == null ? Long.MAX_VALUE : file.sizeBytes();
    PinnedDownload.Received got;
    try {
      got =
          new PinnedDownload(client)
              .fetch(project, model, version.version(), file.path(), pinned, part);
    } catch (PinnedDownload.TooLong e) {
      throw new ExitCodes.Failure(ExitCodes.INTEGRITY, e.getMessage());
    } catch (PinnedDownload.Interrupted e) {
      throw cutOff(version, file, e.bytes(), e.failure());
    }
    // A file listed without a size is pinned by its digest alone (its download is not capped).
    boolean sizeDiffers = file.sizeBytes() != null && got.bytes() != file.sizeBytes();
    if (!got.sha256().equals(file.sha256()) || sizeDiffers) {
      throw new ExitCodes.Failure(
          ExitCodes.INTEGRITY,
          file.path()
              + ": sha256 mismatch (expected "
              + file.sha256()
              + ", got "
              + got.sha256()
              + ", "
              + got.bytes()
              + " of "
              + file.sizeBytes()
              + " bytes)");
    }
  }

  /**
   * The body ended before its size: the registry cuts a download whose stored bytes no longer match
   * their digest (and fails the version), else the connection broke.
   */
  private ExitCodes.Failure cutOff(
      Version version, VersionFile file, long written, UncheckedIOException e) {
    String stopped = "the download stopped after " + written + " of " + file.sizeBytes() + " bytes";
    Failure failure;
    try {
      failure = client.versions().get(project, model, version.version()).failure();
    } catch (RuntimeException gone) {
      // The registry that hung up may not answer this either: the break is what is reported.
      failure = null;
    }
    if (failure != null && "CHECKSUM_MISMATCH".equals(failure.code())) {
      return new ExitCodes.Failure(
          ExitCodes.INTEGRITY,
          file.path()
              + ": sha256 mismatch (expected "
              + file.sha256()
              + "): the registry's stored bytes changed, "
              + stopped
              + " and "
              + model
              + ":"
              + version.version()
              + " is now FAILED (CHECKSUM_MISMATCH)");
    }
    return new ExitCodes.Failure(
        ExitCodes.UNREACHABLE,
        file.path()
            + ": "
            + stopped
            + ": "
            + ErrorText.of(e.getCause() == null ? e : e.getCause()));
  }
}
