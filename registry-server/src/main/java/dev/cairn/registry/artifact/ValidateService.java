package dev.cairn.registry.artifact;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.Validation;
import dev.cairn.client.model.Version;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.audit.AuditRecord;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.journal.JournalEntry;
import dev.cairn.registry.version.StoredVersion;
import dev.cairn.registry.version.VersionLookup;
import dev.cairn.registry.version.VersionState;

/**
 * {@code POST …/validate}: checksums of every file now (a mismatch fails the version, as verify
 * does), then the format's runtime hook; the result replaces the version's {@code validation}.
 */
public final class ValidateService {

  private static final String UPDATE =
      "UPDATE versions SET validation = CAST(? AS jsonb), updated_at = ? WHERE id = CAST(? AS uuid)";

  private final Db db;
  private final VersionLookup versions;
  private final VerifyService verifier;
  private final FormatValidations validations;
  private final Journal journal;
  private final ObjectMapper json;

  public ValidateService(
      Db db,
      VersionLookup versions,
      VerifyService verifier,
      FormatValidations validations,
      Journal journal,
      ObjectMapper json) {
    this.db = db;
    this.versions = versions;
    this.verifier = verifier;
    this.validations = validations;
    this.journal = journal;
    this.json = json;
  }

  public Validation validate(Actor actor, String project, String model, String version) {
    Version current = db.read(exec -> versions.find(exec, project, model, version)).view();
    VersionState state = VersionState.of(current);
    if (state != VersionState.READY && state != VersionState.ARCHIVED) {
      throw ApiException.conflict(
          "VERSION_NOT_READY",
          "only complete versions are validated; '" + version + "' is " + current.state());
    }
    verifier.verify(actor, project, model, version);
    Validation result = validations.forFormat(current.format()).validate(current);
    db.inTransaction(
        tx -> {
          StoredVersion stored = versions.lock(tx, project, model, version);
          tx.dml(UPDATE, Rows.json(result), Rows.param(Rows.now()), stored.id().toString());
          journal.record(
              tx,
              JournalEntry.audited(
                  actor,
                  AuditRecord.of(
                      "VERSION_VALIDATE",
                      project,
                      model,
                      model + ":" + version,
                      json.valueToTree(stored.view().validation()),
                      json.valueToTree(result))));
          return null;
        });
    if (!FormatValidation.passed(result)) {
      String code = FormatValidation.answerCode(result);
      throw new ApiException(
              422,
              code,
              "validation of "
                  + model
                  + ":"
                  + version
                  + " failed: "
                  + FormatValidation.failureCode(result).orElse(code))
          .with("validation", result);
    }
    return result;
  }
}
