package dev.cairn.registry.runtime;

import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.blob.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Some files of a version copied to a private temp directory for a runtime to load, streamed and
 * checked against their pinned digests on the way; deleted on close.
 */
final class LocalCopy implements AutoCloseable {

  private final Path dir;
  private final Map<String, Path> files = new LinkedHashMap<>();

  private LocalCopy(Path dir) {
    this.dir = dir;
  }

  static LocalCopy of(VersionBytes bytes, Iterable<VersionFile> wanted) throws IOException {
    LocalCopy copy = new LocalCopy(Files.createTempDirectory("cairn-validate-"));
    try {
      int index = 0;
      for (VersionFile file : wanted) {
        copy.files.put(file.path(), copy.fetch(bytes, file, index++));
      }
      return copy;
    } catch (IOException | RuntimeException e) {
      copy.close();
      throw e;
    }
  }

  Map<String, Path> files() {
    return files;
  }

  private Path fetch(VersionBytes bytes, VersionFile file, int index) throws IOException {
    Path target = dir.resolve(index + "-" + Path.of(file.path()).getFileName());
    String actual;
    try (InputStream in = bytes.open(file)) {
      actual = Sha256.copy(in, target).sha256();
    }
    if (!actual.equals(file.sha256())) {
      throw new IOException(file.path() + " is " + actual + ", pinned " + file.sha256());
    }
    return target;
  }

  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
