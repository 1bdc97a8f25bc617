package dev.cairn.sidecar.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The verified artifact cache: {@code <dir>/sha256/<hex>} holds bytes whose digest was checked. A
 * download streams to a temp file in the same directory while it is hashed, is fsynced, and is
 * renamed into place only when the digest matches; a cached file is hashed again before use and
 * replaced if it no longer matches.
 */
public final class ArtifactCache {

  /** Writes a file's bytes to the stream (a registry download). */
  @FunctionalInterface
  public interface Download {
    void to(OutputStream out) throws IOException;
  }

  private final Path blobs;
  private final Path temp;
  private final long maxBytes;

  public ArtifactCache(Path dir, long maxBytes) throws IOException {
    this.blobs = Files.createDirectories(dir.resolve("sha256"));
    this.temp = Files.createDirectories(dir.resolve("tmp"));
    this.maxBytes = maxBytes;
  }

  /** The path of the verified bytes of {@code sha256}, downloading them if needed. */
  public Path fetch(String sha256, Download download) throws IOException {
    Path target = blobs.resolve(hex(sha256));
    if (Files.exists(target)) {
      if (hex(sha256).equals(hash(target))) {
        return target;
      }
      Files.delete(target);
    }
    Path partial = Files.createTempFile(temp, "download-", ".part");
    try {
      MessageDigest sha = sha();
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha)) {
        download.to(out);
      }
      try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      String actual = HexFormat.of().formatHex(sha.digest());
      if (!actual.equals(hex(sha256))) {
        throw new DigestMismatch("downloaded bytes are sha256:" + actual + ", pinned " + sha256);
      }
      move(partial, target);
      return target;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** The verified bytes of {@code sha256} if the cache holds them intact (offline start). */
  public Path cached(String sha256) throws IOException {
    Path target = blobs.resolve(hex(sha256));
    if (!Files.exists(target)) {
      throw new IOException("sha256:" + hex(sha256) + " is not cached");
    }
    if (!hex(sha256).equals(hash(target))) {
      throw new DigestMismatch("cached sha256:" + hex(sha256) + " no longer matches");
    }
    return target;
  }

  /** Bytes held, for {@code /metrics}. */
  public long bytes() throws IOException {
    try (Stream<Path> files = Files.list(blobs)) {
      long total = 0;
      for (Path file : files.toList()) {
        total += Files.size(file);
      }
      return total;
    }
  }

  /** Deletes the least recently written files not in {@code keep} while over the size limit. */
  public void evict(Set<String> keep) throws IOException {
    long total = bytes();
    if (total <= maxBytes) {
      return;
    }
    List<Path> candidates;
    try (Stream<Path> files = Files.list(blobs)) {
      candidates =
          files
              .filter(f -> !keep.contains(f.getFileName().toString()))
              .sorted(Comparator.comparing(ArtifactCache::modified))
              .toList();
    }
    for (Path file : candidates) {
      if (total <= maxBytes) {
        return;
      }
      total -= Files.size(file);
      Files.deleteIfExists(file);
    }
  }

  /** The hex part of {@code sha256:<hex>} (or the hex itself). */
  public static String hex(String sha256) {
    return sha256.startsWith("sha256:") ? sha256.substring(7) : sha256;
  }

  private static String hash(Path file) throws IOException {
    MessageDigest sha = sha();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private static MessageDigest sha() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
