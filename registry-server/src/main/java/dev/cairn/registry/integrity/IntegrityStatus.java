package dev.cairn.registry.integrity;

import dev.cairn.registry.metrics.Metrics;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the integrity checks found and how far the scrubber is, for {@code /health} details and
 * {@code /metrics}: written by the one integrity thread, read by any request.
 */
public final class IntegrityStatus {

  /** The start check's result once it finished. */
  record StartCheck(
      boolean auditChainValid,
      long auditEntries,
      Long firstInvalidSeq,
      long filesChecked,
      long missing,
      long wrongSize,
      long unreadable,
      Instant finishedAt) {}

  private final AtomicReference<StartCheck> start = new AtomicReference<>();
  private final AtomicReference<String> phase = new AtomicReference<>("starting");
  private final AtomicLong passes = new AtomicLong();
  private final AtomicLong scrubbedFiles = new AtomicLong();
  private final AtomicLong scrubbedBytes = new AtomicLong();
  private final AtomicLong mismatches = new AtomicLong();
  private final AtomicLong missing = new AtomicLong();
  private final AtomicLong passBytes = new AtomicLong();
  private final AtomicLong passTotalBytes = new AtomicLong();
  private final AtomicReference<Instant> lastPassFinished = new AtomicReference<>();
  private final long paceBytesPerSecond;

  public IntegrityStatus(Metrics metrics, long paceBytesPerSecond) {
    this.paceBytesPerSecond = paceBytesPerSecond;
    var registry = metrics.registry();
    GaugeWithCallback.builder()
        .name("cairn_audit_chain_valid")
        .help("1 when the audit chain verified at start, 0 when it did not, -1 before the check.")
        .callback(cb -> cb.call(start.get() == null ? -1 : start.get().auditChainValid() ? 1 : 0))
        .register(registry);
    GaugeWithCallback.builder()
        .name("cairn_integrity_start_problems")
        .help("Stored files of READY versions found missing or of the wrong size at start.")
        .labelNames("problem")
        .callback(
            cb -> {
              StartCheck s = start.get();
              cb.call(s == null ? 0 : s.missing(), "missing");
              cb.call(s == null ? 0 : s.wrongSize(), "wrong_size");
              cb.call(s == null ? 0 : s.unreadable(), "unreadable");
            })
        .register(registry);
    CounterWithCallback.builder()
        .name("cairn_scrub_files")
        .help("Stored files the scrubber re-hashed.")
        .callback(cb -> cb.call(scrubbedFiles.get()))
        .register(registry);
    CounterWithCallback.builder()
        .name("cairn_scrub_bytes")
        .help("Bytes the scrubber re-hashed.")
        .callback(cb -> cb.call(scrubbedBytes.get()))
        .register(registry);
    CounterWithCallback.builder()
        .name("cairn_scrub_passes")
        .help("Scrub passes completed over every READY version's stored files.")
        .callback(cb -> cb.call(passes.get()))
        .register(registry);
    CounterWithCallback.builder()
        .name("cairn_scrub_mismatches")
        .help("Files the scrubber found changed (their versions are now FAILED).")
        .callback(cb -> cb.call(mismatches.get()))
        .register(registry);
    CounterWithCallback.builder()
        .name("cairn_scrub_missing")
        .help("Files the scrubber found missing from the blob store (reported, not failed).")
        .callback(cb -> cb.call(missing.get()))
        .register(registry);
    GaugeWithCallback.builder()
        .name("cairn_scrub_pass_progress_ratio")
        .help("Share of the current pass's bytes re-hashed so far (1 between passes).")
        .callback(cb -> cb.call(progress()))
        .register(registry);
  }

  void phase(String now) {
    phase.set(now);
  }

  void startCheckFinished(StartCheck check) {
    start.set(check);
  }

  void passStarted(long totalBytes) {
    passBytes.set(0);
    passTotalBytes.set(totalBytes);
  }

  void scrubbed(long bytes) {
    scrubbedFiles.incrementAndGet();
    scrubbedBytes.addAndGet(bytes);
    passBytes.addAndGet(bytes);
  }

  void mismatch() {
    mismatches.incrementAndGet();
  }

  void missing() {
    missing.incrementAndGet();
  }

  void passFinished(Instant at) {
    passes.incrementAndGet();
    passBytes.set(passTotalBytes.get());
    lastPassFinished.set(at);
  }

  public long passes() {
    return passes.get();
  }

  private double progress() {
    long total = passTotalBytes.get();
    return total == 0 ? 1 : Math.min(1, (double) passBytes.get() / total);
  }

  /** The {@code integrity} member of {@code /health}. */
  public Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("phase", phase.get());
    StartCheck s = start.get();
    if (s != null) {
      Map<String, Object> check = new LinkedHashMap<>();
      check.put("audit_chain", s.auditChainValid() ? "VALID" : "BROKEN");
      check.put("audit_entries", s.auditEntries());
      if (s.firstInvalidSeq() != null) {
        check.put("first_invalid_seq", s.firstInvalidSeq());
      }
      check.put("files_checked", s.filesChecked());
      check.put("missing", s.missing());
      check.put("wrong_size", s.wrongSize());
      check.put("unreadable", s.unreadable());
      check.put("finished_at", s.finishedAt().toString());
      details.put("start_check", check);
    }
    Map<String, Object> scrub = new LinkedHashMap<>();
    scrub.put("bytes_per_second", paceBytesPerSecond);
    scrub.put("passes", passes.get());
    scrub.put("files", scrubbedFiles.get());
    scrub.put("bytes", scrubbedBytes.get());
    scrub.put("mismatches", mismatches.get());
    scrub.put("missing", missing.get());
    scrub.put("pass_progress", progress());
    Instant last = lastPassFinished.get();
    scrub.put("last_pass_finished_at", last == null ? null : last.toString());
    details.put("scrub", scrub);
    return details;
  }
}
