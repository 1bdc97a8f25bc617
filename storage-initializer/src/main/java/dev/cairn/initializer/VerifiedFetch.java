package dev.cairn.initializer;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.ErrorText;
import dev.cairn.client.model.Failure;
import dev.cairn.client.model.ManifestEntry;
import dev.cairn.client.model.Resolved;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Downloads one file of a resolved version into a part file through registry-client, hashing while
 * it streams; returns only when the bytes are the file's pin, else deletes the part and throws.
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
    MessageDigest sha = FileDigests.sha256();
    PinnedSize counted =
        new PinnedSize(new DigestOutputStream(Files.newOutputStream(part), sha), file);
    try (OutputStream out = counted) {
      client
          .versions()
          .download(project, resolved.model(), resolved.version().version(), file.path(), out);
    } catch (UncheckedIOException e) {
      throw cutOff(file, counted.written, e);
    } catch (CairnApiException e) {
      if ("CHECKSUM_MISMATCH".equals(e.code())) {
        // The registry re-hashed the stored bytes before sending them and refused.
        throw mismatch(file, "the registry's stored bytes changed (" + e.getMessage() + ")");
      }
      throw e;
    }
    String actual = HexFormat.of().formatHex(sha.digest());
    if (!actual.equals(FileDigests.hex(file.sha256())) || counted.written != file.sizeBytes()) {
      throw mismatch(file, "got sha256:" + actual + ", " + counted.written + " bytes");
    }
  }

  /**
   * The body ended before its size: the registry cuts a download whose stored bytes no longer match
   * their digest (and fails the version), else the connection broke.
   */
  private InitFailure cutOff(ManifestEntry file, long written, UncheckedIOException e) {
    String stopped = "stopped after " + written + " of " + file.sizeBytes() + " bytes";
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
        ExitCode.UNREACHABLE, file.path() + ": download " + stopped + ": " + ErrorText.of(e), e);
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

  /** Counts the bytes written and fails as soon as more arrive than the file's pinned size. */
  private final class PinnedSize extends FilterOutputStream {
    private final ManifestEntry file;
    private long written;

    PinnedSize(OutputStream out, ManifestEntry file) {
      super(out);
      this.file = file;
    }

    @Override
    public void write(int b) throws IOException {
      count(1);
      out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      count(length);
      out.write(bytes, offset, length);
    }

    private void count(int n) {
      if (written + n > file.sizeBytes()) {
        throw mismatch(file, "the download runs past its pinned " + file.sizeBytes() + " bytes");
      }
      written += n;
    }
  }
}
