package dev.cairn.registry.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreTest extends BlobStoreContract {

  @TempDir Path root;
  private FileBlobStore store;

  @BeforeEach
  void open() throws IOException {
    store = FileBlobStore.open(root);
  }

  @Override
  protected BlobStore store() {
    return store;
  }

  @Override
  protected long stagingLeftovers() throws IOException {
    try (Stream<Path> files = Files.list(root.resolve("tmp"))) {
      return files.count();
    }
  }

  @Test
  void keepsBlobsUnderTheirContentAddressAndClearsCrashLeftovers() throws IOException {
    Files.writeString(root.resolve("tmp").resolve("upload-crashed.part"), "partial");

    FileBlobStore reopened = FileBlobStore.open(root);

    assertThat(stagingLeftovers()).isZero();
    assertThat(reopened.path("ab".repeat(32)))
        .isEqualTo(root.resolve("sha256").resolve("ab").resolve("ab".repeat(32)));
  }
}
