package dev.cairn.registry.artifact;

import dev.cairn.registry.blob.StagedBlob;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a publisher has staged so far, in order; closing drops their staging files whatever
 * happened (a published blob was committed before, so closing keeps it). Leftovers a crash leaves
 * are cleared at the next start.
 */
final class StagedFiles implements AutoCloseable {

  private final List<StagedPublication.StagedFile> files = new ArrayList<>();

  /** Adds {@code blob} at {@code path}; it is closed with the rest. */
  StagedBlob add(String path, StagedBlob blob) {
    files.add(new StagedPublication.StagedFile(path, blob));
    return blob;
  }

  boolean has(String path) {
    return files.stream().anyMatch(s -> s.path().equals(path));
  }

  List<StagedPublication.StagedFile> list() {
    return List.copyOf(files);
  }

  @Override
  public void close() {
    for (StagedPublication.StagedFile s : files) {
      try {
        s.blob().close();
      } catch (IOException e) {
        // Leftover staging files are cleared at the next start.
      }
    }
  }
}
