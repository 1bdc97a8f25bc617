package dev.cairn.registry.alias;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.model.Alias;
import dev.cairn.client.model.AliasRollback;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.Model;
import dev.cairn.client.model.Version;
import dev.cairn.registry.audit.AuditLog;
import dev.cairn.registry.audit.AuditRecord;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.events.EventLog;
import dev.cairn.registry.model.ModelLookup;
import dev.cairn.registry.model.StoredModel;
import dev.cairn.registry.project.StoredProject;
import dev.cairn.registry.version.VersionRepository;
import io.helidon.dbclient.DbTransaction;
import java.time.Instant;
import java.util.LinkedHashMap;
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
  private final AuditLog audit;
  private final EventLog events;
  private final ObjectMapper json;
  private final IdempotentChanges idempotent;
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
    this.audit = audit;
    this.events = events;
    this.json = json;
    this.idempotent = new IdempotentChanges(db, json);
  }

  /** A change request's conditions: {@code If-Match}/{@code expected_generation}, the key. */
  public record Conditions(Optional<Long> expectedGeneration, Optional<String> idempotencyKey) {}

  /** What the current state and the request give a change to compute the new pointers from. */
  private record Change(
      boolean release,
      String action,
      String reason,
      String approvedBy,
      String managedBy,
      Function<StoredAlias, Map<String, String>> pointers) {}

  public Alias put(
      Caller caller,
      String project,
      String model,
      String alias,
      AliasUpdate update,
      Conditions conditions) {
    AliasRules.requireWritable(alias);
    Optional<Long> expected = AliasPreconditions.expected(conditions, update.expectedGeneration());
    return idempotent.run(
        caller,
        project,
        model,
        alias,
        "PUT",
        update,
        conditions,
        tx -> {
          StoredModel m = lookup.model(tx, project, model);
          boolean release = Boolean.TRUE.equals(update.releaseManagedBy());
          if (release && update.managedBy() == null) {
            throw ApiException.badRequest("release_managed_by needs managed_by naming the owner");
          }
          Map<String, String> named =
              release && update.pointers() == null && update.version() == null
                  ? Map.of()
                  : named(m.view(), update);
          return change(
              tx,
              caller,
              project,
              m,
              alias,
              expected,
              new Change(
                  release,
                  release ? "ALIAS_RELEASE" : "ALIAS_UPDATE",
                  update.reason(),
                  update.approvedBy(),
                  update.managedBy(),
                  current -> {
                    Map<String, String> next = new LinkedHashMap<>(current.view().pointers());
                    next.putAll(named);
                    return next;
                  }));
        });
  }

  public Alias rollback(
      Caller caller,
      String project,
      String model,
      String alias,
      AliasRollback request,
      Conditions conditions) {
    AliasRules.requireWritable(alias);
    Optional<Long> expected = AliasPreconditions.expected(conditions, null);
    return idempotent.run(
        caller,
        project,
        model,
        alias,
        "ROLLBACK",
        request,
        conditions,
        tx -> {
          StoredModel m = lookup.model(tx, project, model);
          return change(
              tx,
              caller,
              project,
              m,
              alias,
              expected,
              new Change(
                  false,
                  "ALIAS_ROLLBACK",
                  request.reason(),
                  null,
                  request.managedBy(),
                  current -> {
                    long generation = current.view().generation();
                    Map<String, String> previous =
                        generation <= 1
                            ? null
                            : aliases.pointersAt(tx, current.id(), generation - 1).orElse(null);
                    if (previous == null) {
                      throw ApiException.conflict(
                          "NO_PREVIOUS",
                          "alias '" + alias + "' has no earlier generation to roll back to");
                    }
                    List<String> variants =
                        request.variants() == null || request.variants().isEmpty()
                            ? m.view().variants()
                            : request.variants();
                    Map<String, String> next = new LinkedHashMap<>(current.view().pointers());
                    for (String variant : variants) {
                      if (previous.containsKey(variant)) {
                        next.put(variant, previous.get(variant));
                      } else {
                        next.remove(variant);
                      }
                    }
                    return next;
                  }));
        });
  }

  public void delete(
      Caller caller, String project, String model, String alias, Conditions conditions) {
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
          aliases.delete(tx, current.id());
          audit.append(
              tx,
              caller.actor(),
              new AuditRecord(
                  "ALIAS_DELETE",
                  project,
                  model,
                  alias,
                  json.valueToTree(current.view().pointers()),
                  null,
                  null,
                  null));
          events.append(
              tx, project, model, "alias.deleted", eventData(project, model, current.view()));
          return null;
        });
  }

  private Alias change(
      DbTransaction tx,
      Caller caller,
      String project,
      StoredModel m,
      String alias,
      Optional<Long> expected,
      Change change) {
    StoredProject p = lookup.project(tx, project);
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
                change.approvedBy()),
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
            change.reason());
    aliases.update(tx, current.id(), after);
    aliases.record(
        tx, current.id(), after, change.action(), approvedBy, caller.actor().requestId());
    audit.append(
        tx,
        caller.actor(),
        new AuditRecord(
            change.action(),
            project,
            m.view().name(),
            alias,
            json.valueToTree(current.view().pointers()),
            json.valueToTree(after.pointers()),
            change.reason(),
            approvedBy));
    events.append(
        tx, project, m.view().name(), "alias.updated", eventData(project, m.view().name(), after));
    return after;
  }

  private Version version(DbTransaction tx, StoredModel m, String name) {
    return versions
        .find(tx, m.id(), m.view().name(), name)
        .orElseThrow(
            () ->
                new ApiException(
                    422, "VERSION_NOT_READY:" + name, "version '" + name + "' does not exist"))
        .view();
  }

  private static Map<String, String> named(Model model, AliasUpdate update) {
    if (update.pointers() != null && update.version() != null) {
      throw ApiException.badRequest("give either pointers or version, not both");
    }
    if (update.version() != null) {
      if (model.variants().size() != 1) {
        throw ApiException.badRequest(
            "model '" + model.name() + "' has variants " + model.variants() + "; give pointers");
      }
      return Map.of(model.variants().get(0), update.version());
    }
    if (update.pointers() == null || update.pointers().isEmpty()) {
      throw ApiException.badRequest("pointers (or version) is required");
    }
    return update.pointers();
  }

  private ObjectNode eventData(String project, String model, Alias alias) {
    ObjectNode data =
        json.createObjectNode()
            .put("project", project)
            .put("model", model)
            .put("alias", alias.alias())
            .put("generation", alias.generation());
    data.set("pointers", json.valueToTree(alias.pointers()));
    return data;
  }

  static ApiException notFound(String model, String alias) {
    return ApiException.notFound(
        "ALIAS_NOT_FOUND", "model '" + model + "' has no alias '" + alias + "'");
  }
}
