package dev.cairn.registry.integrity;

import dev.cairn.client.model.AuditVerification;
import dev.cairn.registry.artifact.ChecksumFailures;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.audit.AuditVerifier;
import dev.cairn.registry.blob.BlobStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Seed 002's "registry integrity is verified on startup": the audit chain verifies, and every
 * stored file of a READY version exists in the blob store with its declared size. A file missing or
 * of another size fails its version ({@code VERSION_START_CHECK_FAILED}); a store that cannot
 * answer is counted as unreadable and fails nothing. Ends with one log line.
 */
final class StartCheck {

  private static final Logger LOG = Logger.getLogger(StartCheck.class.getName());

  private final AuditVerifier audit;
  private final StoredFiles files;
  private final BlobStore blobs;
  private final ChecksumFailures failures;
  private final IntegrityStatus status;

  StartCheck(
      AuditVerifier audit,
      StoredFiles files,
      BlobStore blobs,
      ChecksumFailures failures,
      IntegrityStatus status) {
    this.audit = audit;
    this.files = files;
    this.blobs = blobs;
    this.failures = failures;
    this.status = status;
  }

  void run() {
    Instant started = Instant.now();
    AuditVerification chain = audit.verify();
    long checked = 0;
    long missing = 0;
    long wrongSize = 0;
    long unreadable = 0;
    Optional<StoredFiles.StoredFile> last = Optional.empty();
    for (List<StoredFiles.StoredFile> batch = files.after(last);
        !batch.isEmpty() && !Thread.currentThread().isInterrupted();
        batch = files.after(last)) {
      for (StoredFiles.StoredFile f : batch) {
        checked++;
        try {
          Optional<Long> size = blobs.size(f.sha256());
          if (size.isEmpty()) {
            missing++;
          } else if (size.get() != f.sizeBytes()) {
            wrongSize++;
            fail(
                f,
                "at start, '"
                    + f.path()
                    + "' holds "
                    + size.get()
                    + " bytes, not the "
                    + f.sizeBytes()
                    + " declared");
          }
        } catch (IOException e) {
          unreadable++;
        }
      }
      last = Optional.of(batch.getLast());
    }
    IntegrityStatus.StartCheck result =
        new IntegrityStatus.StartCheck(
            chain.valid(),
            chain.entries(),
            chain.firstInvalidSeq(),
            checked,
            missing,
            wrongSize,
            unreadable,
            Instant.now());
    status.startCheckFinished(result);
    Level level =
        chain.valid() && missing + wrongSize + unreadable == 0 ? Level.INFO : Level.WARNING;
    LOG.log(
        level,
        "integrity at start: audit chain {0} ({1} entries); {2} stored files of READY versions"
            + " checked, {3} missing, {4} wrong size, {5} unreadable ({6} ms)",
        new Object[] {
          chain.valid() ? "valid" : "BROKEN at seq " + chain.firstInvalidSeq(),
          chain.entries(),
          checked,
          missing,
          wrongSize,
          unreadable,
          Duration.between(started, Instant.now()).toMillis()
        });
  }

  private void fail(StoredFiles.StoredFile f, String detail) {
    failures.failIfReady(
        Actor.system(),
        f.project(),
        f.model(),
        f.version(),
        "VERSION_START_CHECK_FAILED",
        detail,
        new ChecksumFailures.BadBlob(f.path(), f.sha256(), "start_check"));
  }
}
