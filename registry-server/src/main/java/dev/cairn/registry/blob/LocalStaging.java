package dev.cairn.registry.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Copies a stream into a temporary local file while hashing it, in fixed-size chunks: memory use
 * does not depend on the artifact's size. The file is fsynced before anyone may rename it.
 */
final class LocalStaging {

  private static final int CHUNK = 256 * 1024;

  private LocalStaging() {}

  record Staged(Path file, String sha256, long size) {}

  static Staged copy(InputStream in, Path dir, long maxBytes) throws IOException {
    Files.createDirectories(dir);
    Path file = Files.createTempFile(dir, "upload-", ".part");
    MessageDigest sha = sha256();
    long size = 0;
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
      byte[] buffer = new byte[CHUNK];
      int n;
      while ((n = in.read(buffer)) > 0) {
        size += n;
        if (size > maxBytes) {
          throw new BlobTooLargeException(maxBytes);
        }
        sha.update(buffer, 0, n);
        out.write(ByteBuffer.wrap(buffer, 0, n));
      }
      out.force(true);
      return new Staged(file, HexFormat.of().formatHex(sha.digest()), size);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  static MessageDigest sha256() {
    return Sha256.newDigest();
  }
}
