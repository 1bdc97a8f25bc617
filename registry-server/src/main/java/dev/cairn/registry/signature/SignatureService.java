package dev.cairn.registry.signature;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionSignature;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.audit.AuditRecord;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.journal.JournalEntry;
import dev.cairn.registry.version.StoredVersion;
import dev.cairn.registry.version.VersionLookup;
import io.helidon.dbclient.DbTransaction;
import java.util.Optional;

/**
 * {@code PUT/GET …/versions/{v}/signature}. A PUT locks the version row (of two PUTs at once, one
 * stores and the other then sees it), reads the stored signature and the current trust, decides
 * with {@link SignaturePolicy} and records {@code SIGNATURE_ATTACH} with the event {@code
 * version.signed} and the insert in one journal entry.
 */
public final class SignatureService {

  static final String EVENT = "version.signed";

  private final Db db;
  private final VersionLookup versions;
  private final SignatureRepository signatures;
  private final TrustMaterials trust;
  private final Journal journal;

  public SignatureService(
      Db db,
      VersionLookup versions,
      SignatureRepository signatures,
      TrustMaterials trust,
      Journal journal) {
    this.db = db;
    this.versions = versions;
    this.signatures = signatures;
    this.trust = trust;
    this.journal = journal;
  }

  /** What a PUT answers: the signature and whether this PUT stored it (201) or found it (200). */
  public record Outcome(VersionSignature signature, boolean created) {}

  public Outcome put(Actor actor, String project, String model, String version, byte[] bundle) {
    return db.inTransaction(
        tx -> {
          StoredVersion stored = versions.lock(tx, project, model, version);
          CurrentTrust current = trust.current(tx, project);
          SignaturePolicy.Decision decision =
              SignaturePolicy.decide(
                  new SignaturePolicy.Facts(
                      stored.id(),
                      stored.view(),
                      signatures.find(tx, stored.id()),
                      bundle,
                      current,
                      Rows.now()));
          if (decision.created()) {
            record(tx, actor, project, model, version, decision.signature());
            return new Outcome(decision.signature().view(true), true);
          }
          // The same bytes again: stored long ago, judged by the policy of now.
          boolean trusted = SignatureJudge.refusal(decision.signature(), current) == null;
          return new Outcome(decision.signature().view(trusted), false);
        });
  }

  /**
   * Publish-time detection (issue 28): a {@code model.sig} uploaded with the version's files (or
   * found in its {@code artifacts_dir}) is verified as a PUT would verify it and attached in the
   * publish's own transaction, so a refusal (422 with model-signing's code) keeps nothing.
   */
  public Version attach(
      DbTransaction tx, Actor actor, String project, String model, Version done, byte[] bundle) {
    StoredVersion stored = versions.lock(tx, project, model, done.version());
    SignaturePolicy.Decision decision =
        SignaturePolicy.decide(
            new SignaturePolicy.Facts(
                stored.id(),
                done,
                Optional.empty(),
                bundle,
                trust.current(tx, project),
                Rows.now()));
    record(tx, actor, project, model, done.version(), decision.signature());
    return done.withSignature(decision.signature().view(true));
  }

  /** Records an accepted signature with the version's own transaction (a PUT or a publish). */
  public void record(
      DbTransaction tx,
      Actor actor,
      String project,
      String model,
      String version,
      StoredSignature signature) {
    ObjectNode after =
        JsonNodeFactory.instance
            .objectNode()
            .put("method", signature.method())
            .put("signer", signature.signer())
            .put("sha256", signature.sha256());
    ObjectNode event =
        JsonNodeFactory.instance
            .objectNode()
            .put("project", project)
            .put("model", model)
            .put("version", version)
            .put("version_id", signature.versionId().toString())
            .put("method", signature.method())
            .put("signer", signature.signer())
            .put("bundle_sha256", signature.sha256());
    journal.record(
        tx,
        JournalEntry.audited(
                actor, AuditRecord.of("SIGNATURE_ATTACH", project, model, version, null, after))
            .announcing(project, model, EVENT, event)
            .after(SignatureRepository.insert(signature, actor.name())));
  }

  /** The stored bundle of a version, byte for byte: 404 {@code SIGNATURE_NOT_FOUND} without. */
  public StoredSignature get(String project, String model, String version) {
    return db.read(
        exec ->
            signatures
                .find(exec, versions.find(exec, project, model, version).id())
                .orElseThrow(
                    () ->
                        ApiException.notFound(
                            "SIGNATURE_NOT_FOUND", "version '" + version + "' has no signature")));
  }
}
