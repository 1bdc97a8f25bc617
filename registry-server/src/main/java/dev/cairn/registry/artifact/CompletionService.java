package dev.cairn.registry.artifact;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.Failure;
import dev.cairn.client.model.Validation;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.audit.AuditLog;
import dev.cairn.registry.audit.AuditRecord;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.events.EventData;
import dev.cairn.registry.events.EventLog;
import dev.cairn.registry.http.ApiException;
import dev.cairn.registry.version.StoredVersion;
import dev.cairn.registry.version.VersionLookup;
import java.util.List;

/**
 * {@code POST …/complete}: every declared file present and verified → digest of the canonical
 * manifest, validation through the format's hook, {@code READY} (or {@code FAILED}), audited and
 * announced in one transaction. Completing a READY version again answers it unchanged.
 */
public final class CompletionService {

  private final Db db;
  private final VersionLookup versions;
  private final AuditLog audit;
  private final EventLog events;
  private final FormatValidations validations;
  private final ObjectMapper json;
  private final FileRepository files = new FileRepository();

  public CompletionService(
      Db db,
      VersionLookup versions,
      AuditLog audit,
      EventLog events,
      FormatValidations validations,
      ObjectMapper json) {
    this.db = db;
    this.versions = versions;
    this.audit = audit;
    this.events = events;
    this.validations = validations;
    this.json = json;
  }

  public Version complete(Actor actor, String project, String model, String version) {
    return db.inTransaction(
        tx -> {
          StoredVersion stored = versions.lock(tx, project, model, version);
          Version before = stored.view();
          if ("READY".equals(before.state())) {
            return before;
          }
          if (!"PENDING".equals(before.state())) {
            throw ApiException.conflict(
                "VERSION_NOT_PENDING", "version '" + version + "' is " + before.state());
          }
          requireAllPresent(before);
          String digest = Manifests.digest(before.files());
          long size = Manifests.totalSize(before.files());
          Validation validation = validations.forFormat(before.format()).validate(before);
          boolean passed = FormatValidation.passed(validation);
          Version after = completed(before, passed, digest, size, validation);
          if (passed) {
            files.markReady(tx, stored.id(), digest, size, validation, after.readyAt());
          } else {
            files.markFailed(tx, stored.id(), after.failure(), validation);
          }
          audit.append(
              tx,
              actor,
              AuditRecord.of(
                  "VERSION_COMPLETE",
                  project,
                  model,
                  model + ":" + version,
                  json.valueToTree(before),
                  json.valueToTree(after)));
          events.append(
              tx,
              project,
              model,
              passed ? "version.ready" : "version.failed",
              EventData.version(project, after));
          return after;
        });
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

  private static Version completed(
      Version v, boolean passed, String digest, long size, Validation validation) {
    return new Version(
        v.id(),
        v.model(),
        v.version(),
        v.variant(),
        passed ? "READY" : "FAILED",
        v.format(),
        v.runtime(),
        digest,
        size,
        v.files(),
        v.metadata(),
        v.provenance(),
        validation,
        v.labels(),
        v.notes(),
        v.description(),
        v.aliases(),
        passed
            ? null
            : new Failure("VALIDATION_FAILED", "validation of format " + v.format() + " failed"),
        v.createdAt(),
        v.createdBy(),
        passed ? Rows.now() : null);
  }
}
