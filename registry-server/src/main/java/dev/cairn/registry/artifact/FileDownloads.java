package dev.cairn.registry.artifact;

import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.blob.BlobStore;
import dev.cairn.registry.blob.Sha256;
import dev.cairn.registry.domain.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Serves a version's file only as the bytes that were approved. What can be checked before the
 * headers is (the source answers, the stored blob has its size, a small file's whole digest): a
 * failure there is a problem answer — 503 {@code SOURCE_UNAVAILABLE} leaving the version as it is,
 * or 422 {@code CHECKSUM_MISMATCH} failing it. A whole-file download is hashed on the way and its
 * last chunk held back until the digest matches; a mismatch or a short source found mid-stream
 * aborts the connection and fails the version. Every failure writes one log line.
 *
 * <p>One class at about 240 lines on purpose: the checks before the headers and the digest held
 * back while streaming are one guarantee (only approved bytes leave), which a split would state in
 * two places.
 */
public final class FileDownloads {

  private static final Logger LOG = Logger.getLogger(FileDownloads.class.getName());
  private static final int CHUNK = 64 * 1024;

  /** The version a file belongs to. */
  public record Where(String project, String model, String version) {

    String name(VersionFile file) {
      return project + "/" + model + ":" + version + "/" + file.path();
    }
  }

  /** A download whose checks before the headers passed, ready to stream its body. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private final BlobStore blobs;
  private final ReferenceFetcher references;
  private final ChecksumFailures failures;

  public FileDownloads(BlobStore blobs, ReferenceFetcher references, ChecksumFailures failures) {
    this.blobs = blobs;
    this.references = references;
    this.failures = failures;
  }

  /** A reference's bytes, fetched from its source; the first chunk is read before the headers. */
  public Body reference(Where at, VersionFile file) {
    return checkedWhole(
        at,
        file,
        () -> references.open(file.uri()),
        new ApiException(
                503,
                "SOURCE_UNAVAILABLE",
                "'" + file.path() + "' could not be fetched from its reference; try again later")
            .header("Retry-After", "30"),
        "source");
  }

  /** How a download's bytes are opened. */
  @FunctionalInterface
  private interface Opener {
    InputStream open() throws IOException;
  }

  /**
   * Opens the bytes and reads the first chunk before the headers: a source that fails there is
   * {@code unavailable}; one that ends early, or a small file whose whole digest differs, fails the
   * version with a 422.
   */
  private Body checkedWhole(
      Where at, VersionFile file, Opener opener, ApiException unavailable, String what) {
    int firstLength = (int) Math.min(CHUNK, file.sizeBytes());
    InputStream in = null;
    byte[] first;
    try {
      in = opener.open();
      first = in.readNBytes(firstLength);
    } catch (IOException e) {
      closeQuietly(in);
      LOG.warning("download of " + at.name(file) + " refused: " + what + " unavailable: " + e);
      throw unavailable;
    }
    InputStream source = in;
    if (first.length < firstLength) {
      closeQuietly(source);
      throw changedBeforeHeaders(
          at, file, "its " + what + " ended after " + first.length + " bytes");
    }
    MessageDigest digest = Sha256.newDigest();
    digest.update(first);
    if (firstLength == file.sizeBytes() && !matches(digest, file)) {
      closeQuietly(source);
      throw changedBeforeHeaders(at, file, "its " + what + " holds other bytes");
    }
    return out -> stream(at, file, source, first, digest, out);
  }

  /** A stored blob's bytes: its size is checked first; a whole file is hashed on the way. */
  public Body stored(Where at, VersionFile file, long offset, long length) {
    Optional<Long> size;
    try {
      size = blobs.size(file.sha256());
    } catch (IOException e) {
      LOG.warning("download of " + at.name(file) + " refused: blob store unavailable: " + e);
      throw storeUnavailable();
    }
    if (size.isEmpty() || !size.get().equals(file.sizeBytes())) {
      throw changedBeforeHeaders(
          at,
          file,
          size.map(n -> "its stored blob holds " + n + " bytes").orElse("its stored blob is gone"));
    }
    if (offset == 0 && length == file.sizeBytes()) {
      return checkedWhole(
          at, file, () -> blobs.open(file.sha256(), 0, length), storeUnavailable(), "stored blob");
    }
    return out -> {
      try (InputStream in = blobs.open(file.sha256(), offset, length)) {
        long copied = in.transferTo(out);
        if (copied != length) {
          LOG.warning(
              "download of " + at.name(file) + " aborted: blob ended after " + copied + " bytes");
          throw new Aborted("stored blob shorter than the range");
        }
      }
    };
  }

  /** Streams the rest, holding the last chunk back until the whole digest matches. */
  private void stream(
      Where at,
      VersionFile file,
      InputStream in,
      byte[] first,
      MessageDigest digest,
      OutputStream out)
      throws IOException {
    long size = file.sizeBytes();
    long sent = 0;
    byte[] chunk = first;
    try (in) {
      while (true) {
        long afterChunk = sent + chunk.length;
        if (afterChunk == size && !matches(digest, file)) {
          throw changedMidStream(at, file, "its bytes no longer match the digest");
        }
        out.write(chunk);
        sent = afterChunk;
        if (sent == size) {
          return;
        }
        try {
          chunk = in.readNBytes((int) Math.min(CHUNK, size - sent));
        } catch (IOException e) {
          LOG.warning(
              "download of " + at.name(file) + " aborted after " + sent + " bytes: source: " + e);
          throw new Aborted("source failed after " + sent + " bytes");
        }
        if (chunk.length == 0) {
          throw changedMidStream(at, file, "it ended after " + sent + " of " + size + " bytes");
        }
        digest.update(chunk);
      }
    }
  }

  private ApiException changedBeforeHeaders(Where at, VersionFile file, String what) {
    fail(at, file, what);
    return new ApiException(
        422,
        "CHECKSUM_MISMATCH",
        "'"
            + file.path()
            + "' of "
            + at.model()
            + ":"
            + at.version()
            + " no longer matches its digest; the version is now FAILED");
  }

  private Aborted changedMidStream(Where at, VersionFile file, String what) {
    fail(at, file, what);
    return new Aborted("download aborted: " + file.path() + " changed");
  }

  private static ApiException storeUnavailable() {
    return new ApiException(503, "BLOB_STORE_UNAVAILABLE", "the blob store did not answer")
        .header("Retry-After", "5");
  }

  /**
   * A download cut after its headers were sent (the bytes changed or the source failed): the
   * connection is closed so no client takes a partial body for the file. Already logged.
   */
  public static final class Aborted extends IOException {
    public Aborted(String message) {
      super(message);
    }
  }

  private void fail(Where at, VersionFile file, String what) {
    LOG.warning("download of " + at.name(file) + " refused, version failed: " + what);
    failures.failIfReady(
        Actor.system(),
        at.project(),
        at.model(),
        at.version(),
        "VERSION_DOWNLOAD_FAILED",
        "a download found '" + file.path() + "' changed: " + what,
        new ChecksumFailures.BadBlob(file.path(), file.sha256(), "download"));
  }

  private static boolean matches(MessageDigest digest, VersionFile file) {
    try {
      MessageDigest copy = (MessageDigest) digest.clone();
      return HexFormat.of().formatHex(copy.digest()).equals(file.sha256());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests clone on every JDK", e);
    }
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        // nothing more to learn from a source already failing
      }
    }
  }
}
