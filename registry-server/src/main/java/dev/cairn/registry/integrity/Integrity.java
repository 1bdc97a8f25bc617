package dev.cairn.registry.integrity;

import dev.cairn.registry.artifact.ChecksumFailures;
import dev.cairn.registry.audit.AuditVerifier;
import dev.cairn.registry.blob.BlobStore;
import dev.cairn.registry.config.ScrubSettings;
import dev.cairn.registry.db.Db;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The integrity thread: the start check once, then a scrub pass every interval (when the scrubber
 * is on). A failure (say, the database went away) is logged and the work retried a minute later;
 * closing the registry stops the thread.
 */
public final class Integrity implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Integrity.class.getName());
  private static final Duration RETRY = Duration.ofMinutes(1);

  private final StartCheck startCheck;
  private final Scrubber scrubber;
  private final ScrubSettings settings;
  private final IntegrityStatus status;
  private final Thread thread;

  public Integrity(
      Db db,
      BlobStore blobs,
      AuditVerifier audit,
      ChecksumFailures failures,
      ScrubSettings settings,
      IntegrityStatus status) {
    StoredFiles files = new StoredFiles(db);
    this.startCheck = new StartCheck(audit, files, blobs, failures, status);
    this.scrubber =
        settings.enabled()
            ? new Scrubber(files, blobs, failures, status, settings.bytesPerSecond())
            : null;
    this.settings = settings;
    this.status = status;
    this.thread = Thread.ofPlatform().daemon().name("cairn-integrity").unstarted(this::run);
  }

  public Integrity start() {
    thread.start();
    return this;
  }

  public IntegrityStatus status() {
    return status;
  }

  private void run() {
    try {
      retrying("start_check", startCheck::run);
      while (scrubber != null) {
        long began = System.nanoTime();
        retrying("scrubbing", scrubber::pass);
        status.phase("waiting");
        long waited = Duration.ofNanos(System.nanoTime() - began).toMillis();
        Thread.sleep(Math.max(0, settings.interval().toMillis() - waited));
      }
      status.phase("idle");
    } catch (InterruptedException e) {
      status.phase("stopped");
    }
  }

  private void retrying(String phase, Runnable work) throws InterruptedException {
    while (true) {
      status.phase(phase);
      try {
        work.run();
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException();
        }
        return;
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "integrity " + phase + " failed, retrying in " + RETRY.toSeconds() + " s: " + e);
        status.phase(phase + " (retrying)");
        Thread.sleep(RETRY.toMillis());
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join(Duration.ofSeconds(10));
  }
}
