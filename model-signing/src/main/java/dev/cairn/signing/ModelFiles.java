package dev.cairn.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Hashes a local model directory the way OMS enumerates it (regular files, relative POSIX paths, no
 * symlinks followed), streaming each file once. Only for callers that have no digests yet.
 */
public final class ModelFiles {
  private static final int BUFFER = 1 << 16;

  private ModelFiles() {}

  /**
   * Relative POSIX path → lowercase hex SHA-256 of every regular file under {@code root}. A
   * symbolic link is refused: OMS signs with {@code allow_symlinks: false}.
   */
  public static Map<String, String> sha256(Path root) throws IOException {
    Map<String, String> digests = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        if (Files.isSymbolicLink(path)) {
          throw new IOException("symbolic link in the model: " + root.relativize(path));
        }
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
          digests.put(posix(root.relativize(path)), sha256File(path));
        }
      }
    }
    return digests;
  }

  /** The lowercase hex SHA-256 of one file, read in 64 KiB blocks. */
  public static String sha256File(Path file) throws IOException {
    MessageDigest digest = Digests.sha256();
    byte[] buffer = new byte[BUFFER];
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String posix(Path relative) {
    StringBuilder name = new StringBuilder();
    for (Path part : relative) {
      if (!name.isEmpty()) {
        name.append('/');
      }
      name.append(part);
    }
    return name.toString();
  }
}
