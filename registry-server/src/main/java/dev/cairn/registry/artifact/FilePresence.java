package dev.cairn.registry.artifact;

import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.blob.BlobStore;
import java.io.IOException;

/**
 * Whether a version's stored files still have their bytes: {@code present} is what the upload
 * recorded, and false once the blob store no longer holds the blob. One stat per stored file (a
 * HEAD on S3); a store that does not answer is no evidence, so the recorded value stays.
 */
public final class FilePresence {

  private final BlobStore blobs;

  public FilePresence(BlobStore blobs) {
    this.blobs = blobs;
  }

  /** {@code version} with {@code present} false for each stored file whose blob is gone. */
  public Version of(Version version) {
    if (version.files().stream().noneMatch(FilePresence::stored)) {
      return version;
    }
    return version.withFiles(version.files().stream().map(this::checked).toList());
  }

  private VersionFile checked(VersionFile f) {
    if (!stored(f)) {
      return f;
    }
    try {
      return blobs.size(f.sha256()).isPresent()
          ? f
          : new VersionFile(f.path(), f.sha256(), f.sizeBytes(), f.source(), f.uri(), false);
    } catch (IOException e) {
      return f;
    }
  }

  private static boolean stored(VersionFile f) {
    return "upload".equals(f.source()) && Boolean.TRUE.equals(f.present());
  }
}
