package dev.cairn.registry.blob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hashed bytes waiting in a local temporary file; each store says how committing publishes them
 * (rename, upload). Closing removes whatever is still in staging.
 */
final class LocalStagedBlob implements StagedBlob {

  /** Publishes the staged file under its content address. */
  @FunctionalInterface
  interface Publisher {
    void publish(Path file, String sha256, long size) throws IOException;
  }

  private final LocalStaging.Staged staged;
  private final Publisher publisher;

  LocalStagedBlob(LocalStaging.Staged staged, Publisher publisher) {
    this.staged = staged;
    this.publisher = publisher;
  }

  @Override
  public String sha256() {
    return staged.sha256();
  }

  @Override
  public long size() {
    return staged.size();
  }

  @Override
  public void commit() throws IOException {
    publisher.publish(staged.file(), staged.sha256(), staged.size());
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(staged.file());
  }
}
