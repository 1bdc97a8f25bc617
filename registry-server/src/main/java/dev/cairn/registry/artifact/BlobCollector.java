package dev.cairn.registry.artifact;

import dev.cairn.registry.blob.BlobStore;
import dev.cairn.registry.db.Db;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes a blob once no live version references it, under the digest's lock so it never races an
 * upload of the same bytes.
 */
public final class BlobCollector {

  private static final Logger LOG = Logger.getLogger(BlobCollector.class.getName());

  private final Db db;
  private final BlobStore blobs;
  private final FileRepository files = new FileRepository();

  public BlobCollector(Db db, BlobStore blobs) {
    this.db = db;
    this.blobs = blobs;
  }

  /** Deletes the blob if unreferenced; returns whether it did. Failures are logged, not thrown. */
  public boolean collect(String sha256) {
    try {
      return db.inTransaction(
          tx -> {
            BlobLocks.lock(tx, sha256);
            if (files.references(tx, sha256) > 0) {
              return false;
            }
            try {
              blobs.delete(sha256);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            return true;
          });
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "blob " + sha256 + " not collected: " + e.getMessage());
      return false;
    }
  }
}
