package dev.cairn.registry.integrity;

import com.google.common.util.concurrent.RateLimiter;
import dev.cairn.registry.artifact.ChecksumFailures;
import dev.cairn.registry.artifact.StreamDigest;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.blob.BlobStore;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One scrub pass: re-hashes every stored file of every READY version at a steady pace (bytes per
 * second, so a pass never starves uploads or downloads of disk), and fails a version whose bytes
 * changed ({@code VERSION_SCRUB_FAILED}, audited, {@code version.failed}). A missing blob is
 * counted, not failed: that is more often a replica given the wrong store than lost bytes, and a
 * publisher's {@code verify} fails it on request.
 */
final class Scrubber {

  private static final Logger LOG = Logger.getLogger(Scrubber.class.getName());

  private final StoredFiles files;
  private final BlobStore blobs;
  private final ChecksumFailures failures;
  private final IntegrityStatus status;
  private final RateLimiter pace;
  private static final String MISSING = "missing";

  Scrubber(
      StoredFiles files,
      BlobStore blobs,
      ChecksumFailures failures,
      IntegrityStatus status,
      long bytesPerSecond) {
    this.files = files;
    this.blobs = blobs;
    this.failures = failures;
    this.status = status;
    this.pace = RateLimiter.create(bytesPerSecond);
  }

  /** Walks every file once; returns early (unfinished) when the thread is interrupted. */
  void pass() {
    status.passStarted(files.totals().bytes());
    long found = 0;
    Optional<StoredFiles.StoredFile> last = Optional.empty();
    for (List<StoredFiles.StoredFile> batch = files.after(last);
        !batch.isEmpty();
        batch = files.after(last)) {
      for (StoredFiles.StoredFile f : batch) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        Optional<String> problem = check(f);
        if (problem.filter(MISSING::equals).isPresent()) {
          status.missing();
        } else if (problem.isPresent()) {
          found++;
          failures.failIfReady(
              Actor.system(),
              f.project(),
              f.model(),
              f.version(),
              "VERSION_SCRUB_FAILED",
              "the scrubber found '" + f.path() + "' " + problem.get(),
              new ChecksumFailures.BadBlob(f.path(), f.sha256(), "scrub"));
          // Counted once the version is failed: whoever sees the count sees the failure.
          status.mismatch();
        }
      }
      last = Optional.of(batch.getLast());
    }
    status.passFinished(Instant.now());
    LOG.info("scrub pass " + status.passes() + " finished: " + found + " file(s) changed");
  }

  /** What is wrong with the file, or empty when its bytes still match. */
  private Optional<String> check(StoredFiles.StoredFile f) {
    try {
      Optional<Long> size = blobs.size(f.sha256());
      if (size.isEmpty()) {
        return Optional.of(MISSING);
      }
      if (size.get() != f.sizeBytes()) {
        return Optional.of("at " + size.get() + " bytes, not " + f.sizeBytes());
      }
      try (InputStream in = new Paced(blobs.open(f.sha256(), 0, f.sizeBytes()))) {
        StreamDigest digest = StreamDigest.of(in, f.sizeBytes());
        status.scrubbed(digest.size());
        return digest.matches(f.sha256(), f.sizeBytes())
            ? Optional.empty()
            : Optional.of("changed (its SHA-256 no longer matches)");
      }
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (IOException e) {
      // The store did not answer: not evidence against the bytes; the next pass tries again.
      LOG.warning("scrub could not read " + f.sha256() + ": " + e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  /** Takes a permit per byte read, so reading never outruns the pace. */
  private final class Paced extends FilterInputStream {

    Paced(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedIOException("scrub stopped");
      }
      int n = super.read(b, off, len);
      if (n > 0) {
        pace.acquire(n);
      }
      return n;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        pace.acquire();
      }
      return c;
    }
  }
}
