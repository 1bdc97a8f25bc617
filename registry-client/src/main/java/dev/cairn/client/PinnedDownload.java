package dev.cairn.client;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Streams one stored file of a version into a local file, hashing the bytes as they are written and
 * cutting the download off as soon as more arrive than the file's pinned size, so a lying registry
 * cannot fill the disk. The caller compares {@link Received} with the pin and decides what a
 * mismatch means to it ({@code cairn version pull}, the storage initializer).
 */
public final class PinnedDownload {

  /** The SHA-256 (hex) of the bytes written, and how many there were. */
  public record Received(String sha256, long bytes) {

    /** Whether these are the pinned bytes. */
    public boolean matches(String pinnedSha256, long pinnedSize) {
      String hex = pinnedSha256.startsWith("sha256:") ? pinnedSha256.substring(7) : pinnedSha256;
      return sha256.equals(hex) && bytes == pinnedSize;
    }
  }

  /** More bytes arrived than the pinned size; nothing past it was written. */
  public static final class TooLong extends RuntimeException {
    private final long pinnedSize;

    TooLong(String path, long pinnedSize) {
      super("'" + path + "' runs past its pinned " + pinnedSize + " bytes");
      this.pinnedSize = pinnedSize;
    }

    public long pinnedSize() {
      return pinnedSize;
    }
  }

  /**
   * The body ended before the download did (the connection broke, or the registry cut a file whose
   * stored bytes no longer match their digest); {@link #bytes()} arrived first.
   */
  public static final class Interrupted extends RuntimeException {
    private final long bytes;

    Interrupted(long bytes, UncheckedIOException cause) {
      super(cause.getMessage(), cause);
      this.bytes = bytes;
    }

    public long bytes() {
      return bytes;
    }

    /** The transport's failure. */
    public UncheckedIOException failure() {
      return (UncheckedIOException) getCause();
    }
  }

  private final Versions versions;

  public PinnedDownload(CairnClient client) {
    this.versions = client.versions();
  }

  /**
   * Downloads {@code path} of the version into {@code target} (created or truncated), at most
   * {@code pinnedSize} bytes; what arrived, hashed. Error answers are thrown as {@link
   * CairnApiException}.
   */
  public Received fetch(
      String project, String model, String version, String path, long pinnedSize, Path target)
      throws IOException {
    MessageDigest sha = sha256();
    Capped counted =
        new Capped(new DigestOutputStream(Files.newOutputStream(target), sha), path, pinnedSize);
    try (OutputStream out = counted) {
      versions.download(project, model, version, path, out);
    } catch (UncheckedIOException e) {
      throw new Interrupted(counted.written, e);
    }
    return new Received(HexFormat.of().formatHex(sha.digest()), counted.written);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Counts the bytes written and fails as soon as more arrive than the pinned size. */
  private static final class Capped extends FilterOutputStream {
    private final String path;
    private final long limit;
    private long written;

    Capped(OutputStream out, String path, long limit) {
      super(out);
      this.path = path;
      this.limit = limit;
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
      if (written + n > limit) {
        throw new TooLong(path, limit);
      }
      written += n;
    }
  }
}
