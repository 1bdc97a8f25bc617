package dev.cairn.initializer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of local files, and the pinned form of a registry digest. */
final class FileDigests {

  private FileDigests() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code file} is a regular file of {@code size} bytes whose SHA-256 is {@code hex}. */
  static boolean matches(Path file, String hex, long size) throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) != size) {
      return false;
    }
    MessageDigest sha = sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest()).equals(hex(hex));
  }

  /** The hex of {@code sha256:<hex>} or of the hex itself. */
  static String hex(String sha256) {
    return sha256.startsWith("sha256:") ? sha256.substring(7) : sha256;
  }
}
