package dev.cairn.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files a push sends, by their path in the version: a file by its name, a directory's regular
 * files by their path below it (symbolic links skipped). Hashed here, streaming, before anything is
 * sent.
 */
final class LocalFiles {

  /** A local file, its path in the version, and (once hashed) its SHA-256 and size. */
  record LocalFile(String path, Path file, long size) {}

  private LocalFiles() {}

  static Map<String, LocalFile> under(List<Path> paths) {
    Map<String, LocalFile> files = new TreeMap<>();
    for (Path given : paths) {
      if (!Files.exists(given)) {
        throw new ExitCodes.Failure(ExitCodes.USAGE, given + " does not exist");
      }
      if (Files.isDirectory(given)) {
        try (Stream<Path> walk = Files.walk(given)) {
          walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
              .forEach(p -> add(files, given.relativize(p).toString().replace('\\', '/'), p));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        add(files, given.getFileName().toString(), given);
      }
    }
    return files;
  }

  private static void add(Map<String, LocalFile> files, String path, Path file) {
    try {
      if (files.put(path, new LocalFile(path, file, Files.size(file))) != null) {
        throw new ExitCodes.Failure(ExitCodes.USAGE, "two files would be '" + path + "'");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
