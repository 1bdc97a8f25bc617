package dev.cairn.registry.artifact;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.Failure;
import dev.cairn.client.model.Validation;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.audit.AuditRecord;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.events.EventData;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.journal.JournalEntry;
import dev.cairn.registry.metrics.DomainMetrics;
import dev.cairn.registry.version.StoredVersion;
import dev.cairn.registry.version.VersionChange;
import dev.cairn.registry.version.VersionLookup;
import dev.cairn.registry.version.VersionState;
import io.helidon.dbclient.DbTransaction;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST …/complete}: every declared file present and verified → digest of the canonical
 * manifest, validation through the format's hook, {@code READY} (or {@code FAILED}), audited and
 * announced in one transaction. Completing a READY version again answers it unchanged.
 */
public final class CompletionService {

  private final Db db;
  private final VersionLookup versions;
  private final Journal journal;
  private final FormatValidations validations;
  private final ObjectMapper json;
  private final FileRepository files = new FileRepository();
  private final ReferenceFetcher references;
  private final ChecksumFailures failures;
  private final DomainMetrics metrics;

  public CompletionService(
      Db db,
      VersionLookup versions,
      Journal journal,
      FormatValidations validations,
      ReferenceFetcher references,
      ObjectMapper json,
      DomainMetrics metrics) {
    this.db = db;
    this.metrics = metrics;
    this.versions = versions;
    this.journal = journal;
    this.validations = validations;
    this.references = references;
    this.failures = new ChecksumFailures(db, versions, journal, json);
    this.json = json;
  }

  public Version complete(Actor actor, String project, String model, String version) {
    return metrics.timedPublish(
        "complete",
        () -> {
          Version current = db.read(exec -> versions.find(exec, project, model, version)).view();
          List<String> fetched = fetchReferences(actor, project, model, current);
          return db.inTransaction(tx -> completeIn(tx, actor, project, model, version, fetched));
        },
        v -> VersionState.of(v) == VersionState.READY);
  }

  /** Completes inside the caller's transaction, after {@code fetched} references were verified. */
  Version completeIn(
      DbTransaction tx,
      Actor actor,
      String project,
      String model,
      String version,
      List<String> fetched) {
    StoredVersion stored = versions.lock(tx, project, model, version);
    Version before = stored.view();
    if (VersionState.of(before) == VersionState.READY) {
      return before; // completed already: a repeated complete answers the same
    }
    VersionState.of(before).complete(version);
    for (String path : fetched) {
      files.markPresent(tx, stored.id(), path);
    }
    before = versions.lock(tx, project, model, version).view();
    requireAllPresent(before);
    String digest = Manifests.digest(before.files());
    long size = Manifests.totalSize(before.files());
    FormatValidation runtime = validations.forFormat(before.format());
    Validation validation = runtime.validate(before);
    boolean passed = FormatValidation.passed(validation);
    Version after =
        VersionChange.completed(
            before,
            digest,
            size,
            validation,
            passed
                ? null
                : new Failure(
                    FormatValidation.failureCode(validation).orElseThrow(),
                    FailureDetails.of(before, validation, runtime.runtimeFor(before.format()))),
            Rows.now());
    if (passed) {
      files.markReady(tx, stored.id(), digest, size, validation, after.readyAt());
    } else {
      files.markFailed(tx, stored.id(), after.failure(), validation);
    }
    journal.record(
        tx,
        JournalEntry.audited(
                actor,
                AuditRecord.of(
                    "VERSION_COMPLETE",
                    project,
                    model,
                    model + ":" + version,
                    json.valueToTree(before),
                    json.valueToTree(after)))
            .announcing(
                project,
                model,
                passed ? "version.ready" : "version.failed",
                EventData.version(project, after)));
    return after;
  }

  /** Checks every reference file not verified yet ({@link ReferenceCheck}); a mismatch fails it. */
  private List<String> fetchReferences(Actor actor, String project, String model, Version v) {
    if (VersionState.of(v) != VersionState.PENDING) {
      return List.of();
    }
    List<String> verified = new ArrayList<>();
    for (VersionFile f : v.files()) {
      if (!"reference".equals(f.source()) || Boolean.TRUE.equals(f.present())) {
        continue;
      }
      if (!ReferenceCheck.matches(references, f, model + ":" + v.version())) {
        String detail = ReferenceAnswers.mismatch(f.path());
        failures.fail(actor, project, model, v.version(), "VERSION_REFERENCE_MISMATCH", detail);
        throw new ApiException(400, "CHECKSUM_MISMATCH", detail);
      }
      verified.add(f.path());
    }
    return verified;
  }

  private static void requireAllPresent(Version version) {
    if (version.files().isEmpty()) {
      throw new ApiException(422, "VALIDATION_FAILED", "a version needs at least one file");
    }
    List<String> missing =
        version.files().stream()
            .filter(f -> !Boolean.TRUE.equals(f.present()))
            .map(VersionFile::path)
            .toList();
    if (!missing.isEmpty()) {
      throw new ApiException(
              422,
              "VALIDATION_FAILED",
              "declared files are not uploaded (or, for references, not fetched) yet: " + missing)
          .with("missing", missing);
    }
  }
}
