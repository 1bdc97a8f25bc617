package dev.cairn.registry.alias;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.Alias;
import dev.cairn.client.model.AliasRollback;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.Version;
import dev.cairn.registry.audit.AuditLog;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Text;
import dev.cairn.registry.events.EventLog;
import dev.cairn.registry.model.ModelLookup;
import dev.cairn.registry.model.StoredModel;
import dev.cairn.registry.project.StoredProject;
import dev.cairn.registry.version.VersionRepository;
import io.helidon.dbclient.DbTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Changes aliases. Each PUT, rollback or DELETE is one transaction that locks the alias row, checks
 * the precondition, ownership and every activation rule, writes the new pointer set with generation
 * + 1, its history, one audit entry and one event — and only then answers.
 */
public final class AliasService {

  private final Db db;
  private final ModelLookup lookup;
  private final VersionRepository versions;
  private final AliasRepository aliases;
  private final IdempotentChanges idempotent;
  private final AliasWrites writes;
  private final ActivationPolicy policy = new ActivationPolicy();

  public AliasService(
      Db db,
      ModelLookup lookup,
      VersionRepository versions,
      AliasRepository aliases,
      AuditLog audit,
      EventLog events,
      ObjectMapper json) {
    this.db = db;
    this.lookup = lookup;
    this.versions = versions;
    this.aliases = aliases;
    this.idempotent = new IdempotentChanges(db, json);
    this.writes = new AliasWrites(aliases, audit, events, json);
  }

  /** A change request's conditions: {@code If-Match}/{@code expected_generation}, the key. */
  public record Conditions(Optional<Long> expectedGeneration, Optional<String> idempotencyKey) {}

  /** What the current state and the request give a change to compute the new pointers from. */
  private record Change(
      boolean release,
      boolean rollback,
      String action,
      String reason,
      String approvedBy,
      String managedBy,
      Function<StoredAlias, Map<String, String>> pointers) {}

  public Alias put(AliasCommand.Put command) {
    Caller caller = command.caller();
    String project = command.target().project();
    String model = command.target().model();
    String alias = command.target().alias();
    AliasUpdate update = command.update();
    Conditions conditions = command.conditions();
    AliasRules.requireWritable(alias);
    Text.line("reason", update.reason());
    Text.line("approved_by", update.approvedBy());
    Text.line("managed_by", update.managedBy());
    Optional<Long> expected = AliasPreconditions.expected(conditions, update.expectedGeneration());
    return idempotent.run(
        command,
        tx -> {
          ModelLookup.Located where = lookup.locate(tx, project, model);
          StoredModel m = where.model();
          boolean release = Boolean.TRUE.equals(update.releaseManagedBy());
          if (release && update.managedBy() == null) {
            throw ApiException.badRequest("release_managed_by needs managed_by naming the owner");
          }
          Map<String, String> named =
              release && update.pointers() == null && update.version() == null
                  ? Map.of()
                  : PointerProposals.named(m.view(), update);
          return change(
              tx,
              caller,
              where,
              alias,
              expected,
              new Change(
                  release,
                  false,
                  release ? "ALIAS_RELEASE" : "ALIAS_UPDATE",
                  update.reason(),
                  update.approvedBy(),
                  update.managedBy(),
                  current -> PointerProposals.merged(current.view(), named)));
        });
  }

  public Alias rollback(AliasCommand.Rollback command) {
    Caller caller = command.caller();
    String project = command.target().project();
    String model = command.target().model();
    String alias = command.target().alias();
    AliasRollback request = command.request();
    Conditions conditions = command.conditions();
    AliasRules.requireWritable(alias);
    Text.line("reason", request.reason());
    Text.line("approved_by", request.approvedBy());
    Text.line("managed_by", request.managedBy());
    if (request.toGeneration() != null && request.toGeneration() < 1) {
      throw ApiException.badRequest("to_generation is a generation of the alias: 1 or more");
    }
    Optional<Long> expected = AliasPreconditions.expected(conditions, null);
    return idempotent.run(
        command,
        tx -> {
          ModelLookup.Located where = lookup.locate(tx, project, model);
          StoredModel m = where.model();
          List<String> variants = PointerProposals.rollbackVariants(m.view(), request.variants());
          return change(
              tx,
              caller,
              where,
              alias,
              expected,
              new Change(
                  false,
                  true,
                  "ALIAS_ROLLBACK",
                  request.reason(),
                  request.approvedBy(),
                  request.managedBy(),
                  current -> {
                    long target =
                        PointerProposals.rollbackTarget(current.view(), request.toGeneration());
                    return PointerProposals.rolledBack(
                        current.view(),
                        target < 1
                            ? Optional.empty()
                            : aliases.pointersAt(tx, current.id(), target),
                        variants);
                  }));
        });
  }

  public void delete(AliasCommand.Delete command) {
    Caller caller = command.caller();
    String project = command.target().project();
    String model = command.target().model();
    String alias = command.target().alias();
    Conditions conditions = command.conditions();
    AliasRules.requireWritable(alias);
    Optional<Long> expected = AliasPreconditions.expected(conditions, null);
    db.inTransaction(
        tx -> {
          StoredModel m = lookup.model(tx, project, model);
          StoredAlias current =
              aliases
                  .lock(tx, m.id(), alias)
                  .filter(a -> a.view().generation() > 0)
                  .orElseThrow(() -> notFound(model, alias));
          policy.decideDelete(
              new ActivationPolicy.Facts(
                  m.view(), null, caller, current.view(), expected, null, false, null));
          writes.delete(tx, caller, project, model, current);
          return null;
        });
  }

  private Alias change(
      DbTransaction tx,
      Caller caller,
      ModelLookup.Located where,
      String alias,
      Optional<Long> expected,
      Change change) {
    StoredProject p = where.project();
    StoredModel m = where.model();
    String project = p.view().name();
    StoredAlias current = aliases.lockOrCreate(tx, m.id(), alias, caller.actor().name());
    Instant now = Rows.now();
    ActivationPolicy.Decision decision =
        policy.decide(
            new ActivationPolicy.Facts(
                m.view(),
                p.view().policies(),
                caller,
                current.view(),
                expected,
                change.managedBy(),
                change.release(),
                change.approvedBy(),
                change.rollback()),
            view -> change.pointers().apply(current),
            name -> version(tx, m, name),
            () -> aliases.recentWrites(tx, current.id(), now.minusSeconds(60)),
            now);
    if (decision.unchanged()) {
      return current.view();
    }
    String approvedBy = decision.approvedBy();
    Map<String, String> next = decision.pointers();
    String managedBy = decision.managedBy();
    Alias after =
        new Alias(
            alias,
            next,
            current.view().generation() + 1,
            managedBy,
            now,
            caller.actor().name(),
            change.reason(),
            approvedBy);
    writes.update(
        tx,
        new AliasWrites.Written(
            caller, project, m.view().name(), current, after, change.action(), approvedBy));
    return after;
  }

  private Version version(DbTransaction tx, StoredModel m, String name) {
    return versions
        .findHead(tx, m.id(), m.view().name(), name)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "VERSION_NOT_FOUND",
                    "version '" + name + "' of model '" + m.view().name() + "' does not exist"))
        .view();
  }

  static ApiException notFound(String model, String alias) {
    return ApiException.notFound(
        "ALIAS_NOT_FOUND", "model '" + model + "' has no alias '" + alias + "'");
  }
}
