package dev.cairn.registry.artifact;

import dev.cairn.registry.blob.FileBlobStore;
import dev.cairn.registry.testing.TestRegistry;
import java.nio.file.Files;
import java.util.List;

/** The artifact flow on the default file store, edited on disk to tamper. */
class FileArtifactFlowTest extends ArtifactFlowContract {

  @Override
  protected TestRegistry registry() {
    return TestRegistry.shared();
  }

  private FileBlobStore store() throws Exception {
    return FileBlobStore.open(registry().dataDir().resolve("blobs"));
  }

  @Override
  protected List<String> storedBlobs() throws Exception {
    return store().list();
  }

  @Override
  protected void tamper(String sha256, byte[] replacement) throws Exception {
    Files.write(store().path(sha256), replacement);
  }
}
