package dev.cairn.cli.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh directory under the module's {@code target/hostile}, the only place these tests write.
 */
final class ScratchDir {

  private ScratchDir() {}

  static Path create(String prefix) {
    try {
      return Files.createTempDirectory(
          Files.createDirectories(Path.of("target", "hostile")), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
