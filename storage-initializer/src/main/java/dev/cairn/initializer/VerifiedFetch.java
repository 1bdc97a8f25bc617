package dev.cairn.initializer;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.ErrorText;
import dev.cairn.client.PinnedDownload;
import dev.cairn.client.model.Failure;
import dev.cairn.client.model.ManifestEntry;
import dev.cairn.client.model.Resolved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Downloads one file of a resolved version into a part file with registry-client's {@link
 * PinnedDownload}; returns only when the bytes are the file's pin, else deletes the part and throws
 * the {@link InitFailure} that names why.
 */
final class VerifiedFetch {

  private final CairnClient client;
  private final String project;
  private final Resolved resolved;

  VerifiedFetch(CairnClient client, String project, Resolved resolved) {
    this.client = client;
    this.project = project;
    this.resolved = resolved;
  }

  void fetch(ManifestEntry file, Path part) throws IOException {
    try {
      write(file, part);
    } catch (RuntimeException | IOException e) {
      Files.deleteIfExists(part); // nothing unverified is left behind
      throw e;
    }
  }

  private void write(ManifestEntry file, Path part) throws IOException {
    PinnedDownload.Received got;
    try {
      got =
          new PinnedDownload(client)
              .fetch(
                  project,
                  resolved.model(),
                  resolved.version().version(),
                  file.path(),
                  file.sizeBytes(),
                  part);
    } catch (PinnedDownload.TooLong e) {
      throw mismatch(file, "the download runs past its pinned " + e.pinnedSize() + " bytes");
    } catch (PinnedDownload.Interrupted e) {
      throw cutOff(file, e);
    } catch (CairnApiException e) {
      if ("CHECKSUM_MISMATCH".equals(e.code())) {
        // The registry re-hashed the stored bytes before sending them and refused.
        throw mismatch(file, "the registry's stored bytes changed (" + e.getMessage() + ")");
      }
      throw e;
    }
    if (!got.matches(file.sha256(), file.sizeBytes())) {
      throw mismatch(file, "got sha256:" + got.sha256() + ", " + got.bytes() + " bytes");
    }
  }

  /**
   * The body ended before its size: the registry cuts a download whose stored bytes no longer match
   * their digest (and fails the version), else the connection broke.
   */
  private InitFailure cutOff(ManifestEntry file, PinnedDownload.Interrupted e) {
    String stopped = "stopped after " + e.bytes() + " of " + file.sizeBytes() + " bytes";
    Failure failure;
    try {
      failure =
          client.versions().get(project, resolved.model(), resolved.version().version()).failure();
    } catch (RuntimeException unreachable) {
      failure = null;
    }
    if (failure != null && "CHECKSUM_MISMATCH".equals(failure.code())) {
      return mismatch(file, "the registry's stored bytes changed, its download " + stopped);
    }
    return new InitFailure(
        ExitCode.UNREACHABLE,
        file.path() + ": download " + stopped + ": " + ErrorText.of(e.failure()),
        e);
  }

  private InitFailure mismatch(ManifestEntry file, String what) {
    return new InitFailure(
        ExitCode.DIGEST_MISMATCH,
        file.path()
            + " of "
            + resolved.model()
            + ":"
            + resolved.version().version()
            + ": expected sha256:"
            + FileDigests.hex(file.sha256())
            + ", "
            + what);
  }
}
