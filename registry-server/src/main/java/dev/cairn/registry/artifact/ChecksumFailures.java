package dev.cairn.registry.artifact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.model.Failure;
import dev.cairn.client.model.Validation;
import dev.cairn.client.model.Version;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.audit.AuditRecord;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.events.EventData;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.journal.JournalEntry;
import dev.cairn.registry.version.CheckOutcome;
import dev.cairn.registry.version.StoredVersion;
import dev.cairn.registry.version.VersionChange;
import dev.cairn.registry.version.VersionLookup;
import dev.cairn.registry.version.VersionState;
import java.util.Map;

/**
 * The one way a version fails on its bytes (verify, a reference fetched at completion): {@code
 * FAILED} with {@code CHECKSUM_MISMATCH}, checksum validation FAILED, an audit entry and a {@code
 * version.failed} event, in one transaction.
 */
public final class ChecksumFailures {

  private final Db db;
  private final VersionLookup versions;
  private final Journal journal;
  private final ObjectMapper json;
  private final FileRepository files = new FileRepository();

  public ChecksumFailures(Db db, VersionLookup versions, Journal journal, ObjectMapper json) {
    this.db = db;
    this.versions = versions;
    this.journal = journal;
    this.json = json;
  }

  /**
   * Returns a version that was READY and then FAILED on its bytes to READY (its checksum validation
   * PASSED again); a version that failed anything else, or never was READY, stays FAILED.
   */
  void recover(Actor actor, String project, String model, String version) {
    db.inTransaction(
        tx -> {
          StoredVersion stored = versions.lock(tx, project, model, version);
          Version before = stored.view();
          boolean onItsBytes =
              before.failure() != null && "CHECKSUM_MISMATCH".equals(before.failure().code());
          if (VersionState.of(before) != VersionState.FAILED
              || !onItsBytes
              || before.readyAt() == null) {
            return null;
          }
          Validation was = before.validation();
          Validation validation =
              new Validation(CheckOutcome.PASSED.wire(), was.load(), was.phases());
          files.markRecovered(tx, stored.id(), validation);
          Version after = VersionChange.recovered(before, validation);
          journal.record(
              tx,
              JournalEntry.audited(
                      actor,
                      AuditRecord.of(
                          "VERSION_RECOVERED",
                          project,
                          model,
                          model + ":" + version,
                          json.valueToTree(before),
                          json.valueToTree(after)))
                  .announcing(project, model, "version.ready", EventData.version(project, after)));
          return null;
        });
  }

  /** Fails the version; {@code action} names what found it in the audit log. */
  void fail(
      Actor actor, String project, String model, String version, String action, String detail) {
    failWhen(actor, project, model, version, action, detail, false, null);
  }

  /**
   * Fails the version only if it is still READY (a background check must not fail a version twice,
   * or one a request already changed); true when it did.
   */
  public boolean failIfReady(
      Actor actor, String project, String model, String version, String action, String detail) {
    return failWhen(actor, project, model, version, action, detail, true, null);
  }

  /** A stored file whose bytes a background or read-time check found bad (issue 30 item 2). */
  public record BadBlob(String path, String sha256, String foundBy) {}

  /**
   * {@link #failIfReady} for a stored file found bad: the {@code version.failed} event carries
   * {@code integrity} (path, blob SHA-256, what found it), so a webhook also hears {@code
   * integrity.failed}.
   */
  public boolean failIfReady(
      Actor actor,
      String project,
      String model,
      String version,
      String action,
      String detail,
      BadBlob blob) {
    return failWhen(actor, project, model, version, action, detail, true, blob);
  }

  private boolean failWhen(
      Actor actor,
      String project,
      String model,
      String version,
      String action,
      String detail,
      boolean onlyReady,
      BadBlob blob) {
    return db.inTransaction(
        tx -> {
          StoredVersion stored = versions.lock(tx, project, model, version);
          Version before = stored.view();
          if (onlyReady && VersionState.of(before) != VersionState.READY) {
            return false;
          }
          Failure failure = new Failure("CHECKSUM_MISMATCH", detail);
          Validation was = before.validation();
          Validation validation =
              new Validation(
                  CheckOutcome.FAILED.wire(),
                  was == null ? CheckOutcome.NOT_RUN.wire() : was.load(),
                  was == null ? Map.of() : was.phases());
          files.markFailed(tx, stored.id(), failure, validation);
          Version after = VersionChange.failed(before, failure, validation);
          ObjectNode event = EventData.version(project, after);
          if (blob != null) {
            event
                .putObject("integrity")
                .put("path", blob.path())
                .put("sha256", blob.sha256())
                .put("found_by", blob.foundBy())
                .put("detail", detail);
          }
          journal.record(
              tx,
              JournalEntry.audited(
                      actor,
                      AuditRecord.of(
                          action,
                          project,
                          model,
                          model + ":" + version,
                          json.valueToTree(before),
                          json.valueToTree(after)))
                  .announcing(project, model, "version.failed", event));
          return true;
        });
  }
}
