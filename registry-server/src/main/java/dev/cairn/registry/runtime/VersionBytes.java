package dev.cairn.registry.runtime;

import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.artifact.ReferenceFetcher;
import dev.cairn.registry.blob.BlobStore;
import java.io.IOException;
import java.io.InputStream;

/** Opens a version's file where it lives: the blob store, or its source for a reference. */
public final class VersionBytes {

  private final BlobStore blobs;
  private final ReferenceFetcher references;

  public VersionBytes(BlobStore blobs, ReferenceFetcher references) {
    this.blobs = blobs;
    this.references = references;
  }

  public InputStream open(VersionFile file) throws IOException {
    return "reference".equals(file.source())
        ? references.open(file.uri())
        : blobs.open(file.sha256(), 0, file.sizeBytes());
  }
}
