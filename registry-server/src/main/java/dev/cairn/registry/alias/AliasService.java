package dev.cairn.registry.alias;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.Alias;
import dev.cairn.client.model.AliasRollback;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Text;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.model.ModelLookup;
import dev.cairn.registry.signature.SignatureStatus;
import dev.cairn.registry.version.VersionRepository;
import io.helidon.dbclient.DbTransaction;
import java.util.Optional;

/**
 * Changes aliases. Each PUT, rollback or DELETE is one transaction that reads its facts (the alias
 * row locked), decides with {@link AliasPolicy}, and records the new pointer set with generation +
 * 1, its history, one audit entry and one event through the {@link Journal} — and only then
 * answers.
 */
public final class AliasService {

  private final Db db;
  private final AliasFacts.Sources sources;
  private final Journal journal;
  private final AliasEntries entries;
  private final IdempotentChanges idempotent;
  private final SignatureRefusals refusals;

  public AliasService(
      Db db,
      ModelLookup lookup,
      VersionRepository versions,
      AliasRepository aliases,
      SignatureStatus signatures,
      Journal journal,
      ObjectMapper json) {
    this.db = db;
    this.sources = new AliasFacts.Sources(lookup, aliases, versions, signatures);
    this.refusals = new SignatureRefusals(db, journal);
    this.journal = journal;
    this.entries = new AliasEntries(json);
    this.idempotent = new IdempotentChanges(json);
  }

  /** A change request's conditions: {@code If-Match}/{@code expected_generation}, the key. */
  public record Conditions(Optional<Long> expectedGeneration, Optional<String> idempotencyKey) {}

  public Alias put(AliasCommand.Put command) {
    AliasUpdate update = command.update();
    AliasRules.requireWritable(command.target().alias());
    Text.line("reason", update.reason());
    Text.line("approved_by", update.approvedBy());
    Text.line("managed_by", update.managedBy());
    command.expectedGeneration();
    return refusals.audited(command, () -> db.inTransaction(tx -> change(tx, command)));
  }

  public Alias rollback(AliasCommand.Rollback command) {
    AliasRollback request = command.request();
    AliasRules.requireWritable(command.target().alias());
    Text.line("reason", request.reason());
    Text.line("approved_by", request.approvedBy());
    Text.line("managed_by", request.managedBy());
    if (request.toGeneration() != null && request.toGeneration() < 1) {
      throw ApiException.badRequest("to_generation is a generation of the alias: 1 or more");
    }
    command.expectedGeneration();
    return refusals.audited(command, () -> db.inTransaction(tx -> change(tx, command)));
  }

  public void delete(AliasCommand.Delete command) {
    AliasRules.requireWritable(command.target().alias());
    command.expectedGeneration();
    db.inTransaction(
        tx -> {
          AliasFacts facts = AliasFacts.load(tx, command, sources);
          journal.record(tx, entries.of(facts, AliasPolicy.decideDelete(facts)));
          return null;
        });
  }

  /**
   * A PUT or rollback, start to end: the idempotency check, the facts, the decision, the journal,
   * the stored answer.
   */
  private Alias change(DbTransaction tx, AliasCommand command) {
    Optional<Alias> repeated = idempotent.repeated(tx, command);
    if (repeated.isPresent()) {
      return repeated.get();
    }
    AliasFacts facts = AliasFacts.load(tx, command, sources);
    AliasDecision decision = AliasPolicy.decide(facts);
    if (!decision.unchanged()) {
      journal.record(tx, entries.of(facts, decision));
    }
    idempotent.remember(tx, command, decision.answer());
    return decision.answer();
  }

  static ApiException notFound(String model, String alias) {
    return ApiException.notFound(
        "ALIAS_NOT_FOUND", "model '" + model + "' has no alias '" + alias + "'");
  }
}
