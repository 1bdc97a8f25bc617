package dev.cairn.registry.artifact;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.audit.AuditRecord;
import dev.cairn.registry.blob.BlobStore;
import dev.cairn.registry.blob.BlobTooLargeException;
import dev.cairn.registry.blob.StagedBlob;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Names;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.journal.JournalEntry;
import dev.cairn.registry.version.StoredVersion;
import dev.cairn.registry.version.VersionLookup;
import dev.cairn.registry.version.VersionState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * {@code PUT …/files/{path}}: streams the bytes into the blob store while hashing, checks them
 * against {@code X-Checksum-Sha256} and the declared digest and size, and only then records the
 * file and makes the blob visible, in one transaction. A mismatch keeps nothing.
 */
public final class UploadService {

  /** The stored file, and whether this upload created it (false: identical bytes again). */
  public record Result(VersionFile file, boolean created) {}

  private final Db db;
  private final BlobStore blobs;
  private final VersionLookup versions;
  private final Journal journal;
  private final BlobCollector collector;
  private final long maxFileBytes;
  private final FileRepository files = new FileRepository();

  public UploadService(
      Db db,
      BlobStore blobs,
      VersionLookup versions,
      Journal journal,
      BlobCollector collector,
      long maxFileBytes) {
    this.db = db;
    this.blobs = blobs;
    this.versions = versions;
    this.journal = journal;
    this.collector = collector;
    this.maxFileBytes = maxFileBytes;
  }

  public Result upload(
      Actor actor,
      String project,
      String model,
      String version,
      String rawPath,
      Optional<String> checksumHeader,
      InputStream body) {
    String path = Names.filePath(rawPath);
    Optional<String> announced = Checksums.fromHeader(checksumHeader);
    StoredVersion target = db.read(exec -> versions.find(exec, project, model, version));
    requirePending(target);
    Optional<VersionFile> declared = file(target, path);
    if (declared.filter(f -> "reference".equals(f.source())).isPresent()) {
      throw ApiException.badRequest(
          "'" + path + "' is a reference; the registry fetches it itself");
    }
    try (StagedBlob staged = stage(body, declared)) {
      announced.ifPresent(sha -> DigestChecks.requireMatch(path, sha, staged));
      declared.ifPresent(f -> DigestChecks.requireMatch(path, f.sha256(), f.sizeBytes(), staged));
      return record(actor, project, model, version, path, staged);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private StagedBlob stage(InputStream body, Optional<VersionFile> declared) {
    long limit = declared.map(VersionFile::sizeBytes).orElse(maxFileBytes);
    try {
      return blobs.stage(body, limit);
    } catch (BlobTooLargeException e) {
      if (declared.isPresent()) {
        throw DigestChecks.mismatch("more bytes than the declared " + limit);
      }
      throw new ApiException(413, "PAYLOAD_TOO_LARGE", "files are limited to " + limit + " bytes");
    } catch (IOException e) {
      throw ApiException.badRequest("the upload was interrupted: " + e.getMessage());
    }
  }

  private Result record(
      Actor actor, String project, String model, String version, String path, StagedBlob staged) {
    try {
      return db.inTransaction(
          tx -> {
            StoredVersion locked = versions.lock(tx, project, model, version);
            requirePending(locked);
            Optional<VersionFile> current = file(locked, path);
            if (current.isPresent() && Boolean.TRUE.equals(current.get().present())) {
              DigestChecks.requireMatch(
                  path, current.get().sha256(), current.get().sizeBytes(), staged);
              return new Result(current.get(), false);
            }
            BlobLocks.lock(tx, staged.sha256());
            if (current.isPresent()) {
              files.markPresent(tx, locked.id(), path);
            } else {
              files.insertUploaded(tx, locked.id(), path, staged.sha256(), staged.size());
            }
            VersionFile stored =
                new VersionFile(path, staged.sha256(), staged.size(), "upload", null, true);
            journal.record(
                tx,
                JournalEntry.audited(
                    actor,
                    AuditRecord.of(
                        "VERSION_FILE_UPLOAD",
                        project,
                        model,
                        model + ":" + version + "/" + path,
                        null,
                        JsonNodeFactory.instance
                            .objectNode()
                            .put("path", path)
                            .put("sha256", staged.sha256())
                            .put("size_bytes", staged.size()))));
            commit(staged);
            return new Result(stored, true);
          });
    } catch (RuntimeException e) {
      // The blob may have become visible before the transaction failed: collect it if orphaned.
      collector.collect(staged.sha256());
      throw e;
    }
  }

  private static void commit(StagedBlob staged) {
    try {
      staged.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<VersionFile> file(StoredVersion version, String path) {
    return version.view().files().stream().filter(f -> f.path().equals(path)).findFirst();
  }

  private static void requirePending(StoredVersion version) {
    if (VersionState.of(version.view()) != VersionState.PENDING) {
      throw ApiException.conflict(
          "VERSION_NOT_PENDING",
          "version '"
              + version.view().version()
              + "' is "
              + version.view().state()
              + "; its files can no longer change");
    }
  }
}
