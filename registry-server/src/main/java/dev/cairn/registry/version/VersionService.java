package dev.cairn.registry.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.Page;
import dev.cairn.client.model.Validation;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.client.model.VersionPatch;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.audit.AuditRecord;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Text;
import dev.cairn.registry.events.EventData;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.journal.JournalEntry;
import dev.cairn.registry.model.Labels;
import dev.cairn.registry.model.ModelLookup;
import dev.cairn.registry.model.ModelState;
import dev.cairn.registry.model.StoredModel;
import dev.cairn.registry.paging.PageTokens;
import dev.cairn.registry.paging.Pages;
import dev.cairn.registry.pointer.AliasPointers;
import io.helidon.dbclient.DbTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Versions as metadata: declaration (with automatic {@code v<n>} names), listing, and changes to
 * the editable fields. Content fields never change through a patch.
 */
public final class VersionService {

  private final Db db;
  private final VersionRepository versions;
  private final ModelLookup lookup;
  private final Journal journal;
  private final AliasPointers aliases;
  private final PageTokens pageTokens;
  private final ObjectMapper json;
  private final VersionRules rules;

  public VersionService(
      Db db,
      VersionRepository versions,
      ModelLookup lookup,
      Journal journal,
      AliasPointers aliases,
      PageTokens pageTokens,
      ObjectMapper json,
      VersionRules rules) {
    this.db = db;
    this.versions = versions;
    this.lookup = lookup;
    this.journal = journal;
    this.aliases = aliases;
    this.pageTokens = pageTokens;
    this.json = json;
    this.rules = rules;
  }

  public Version create(Actor actor, String project, String model, VersionCreate request) {
    try {
      return db.inTransaction(tx -> createIn(tx, actor, project, model, request));
    } catch (RuntimeException e) {
      if (Db.isUniqueViolation(e)) {
        throw ApiException.conflict(
            "VERSION_EXISTS",
            "version '" + request.version() + "' already exists in model '" + model + "'");
      }
      throw e;
    }
  }

  /** Declares a version inside the caller's transaction (the multipart one-shot uses it). */
  public Version createIn(
      DbTransaction tx, Actor actor, String project, String model, VersionCreate request) {
    return createIn(tx, actor, project, model, request, AutoName.NUMBERED);
  }

  /**
   * Declares a version inside the caller's transaction; without a name it gets the next of {@code
   * series}.
   */
  public Version createIn(
      DbTransaction tx,
      Actor actor,
      String project,
      String model,
      VersionCreate request,
      AutoName series) {
    VersionDeclaration declared = VersionDeclaration.checked(request, rules);
    // The model row lock serialises version creation per model: automatic names are unique and
    // gap-free even under concurrent publishers. A failed STD registration takes a name of its own
    // series, so it leaves no gap in the v<n> of accepted standards.
    StoredModel m = lookup.lockModel(tx, project, model);
    if (ModelState.of(m.view().state()) != ModelState.LIVE) {
      throw ApiException.conflict(
          "MODEL_ARCHIVED", "model '" + model + "' is archived; no new versions");
    }
    String variant = VersionDeclaration.variant(m, request.variant());
    String name =
        declared
            .name()
            .orElseGet(() -> series.name(versions.highestAutoNumber(tx, m.id(), series) + 1));
    Instant now = Rows.now();
    UUID id = UUID.randomUUID();
    Version version =
        new Version(
            id.toString(),
            model,
            name,
            variant,
            VersionState.PENDING.wire(),
            declared.format(),
            request.runtime(),
            null,
            null,
            declared.files(),
            orEmpty(request.metadata()),
            orEmpty(request.provenance()),
            Validation.notRun(),
            declared.labels(),
            request.notes(),
            request.description(),
            List.of(),
            null,
            now,
            actor.name(),
            null);
    versions.insert(tx, m.id(), new StoredVersion(id, version));
    journal.record(
        tx,
        JournalEntry.audited(
                actor,
                AuditRecord.of(
                    "VERSION_CREATE",
                    project,
                    model,
                    model + ":" + name,
                    null,
                    json.valueToTree(version)))
            .announcing(project, model, "version.created", EventData.version(project, version)));
    return version;
  }

  public Version get(String project, String model, String version) {
    return db.read(
        exec -> {
          StoredModel m = lookup.model(exec, project, model);
          Version v =
              versions
                  .find(exec, m.id(), model, version)
                  .orElseThrow(() -> notFound(model, version))
                  .view();
          return v.withAliases(aliases.aliasesOf(exec, m.id(), version));
        });
  }

  public Page<Version> list(
      String project, String model, VersionFilter filter, int limit, String pageToken) {
    String listing = "versions:" + project + ":" + model;
    Optional<List<String>> after =
        Optional.ofNullable(pageToken).map(t -> pageTokens.read(listing, t));
    VersionRepository.Listed listed =
        db.read(
            exec -> {
              StoredModel m = lookup.model(exec, project, model);
              Map<String, List<String>> pointedAt = aliases.aliasesByVersion(exec, m.id());
              VersionRepository.Listed page = versions.list(exec, m.id(), filter, after, limit + 1);
              return new VersionRepository.Listed(
                  page.rows().stream()
                      .map(v -> v.withAliases(pointedAt.getOrDefault(v.version(), List.of())))
                      .toList(),
                  page.pageSize());
            });
    return Pages.of(
        listed.rows(),
        listed.pageSize(),
        last -> pageTokens.issue(listing, List.of(last.createdAt().toString(), last.id())));
  }

  /** Applies a patch given as JSON, refusing content fields by name. */
  public Version patch(
      Actor actor,
      String project,
      String model,
      String version,
      JsonNode body,
      java.util.function.Function<JsonNode, VersionPatch> binder) {
    VersionPatchFields.check(body);
    VersionPatch patch = binder.apply(body);
    Text.lines("notes", patch.notes());
    Text.lines("description", patch.description());
    return db.inTransaction(
        tx -> {
          StoredModel m = lookup.lockModel(tx, project, model);
          StoredVersion stored =
              versions.lock(tx, m.id(), model, version).orElseThrow(() -> notFound(model, version));
          Version before = stored.view();
          VersionState was = VersionState.of(before);
          VersionState state = patch.state() == null ? was : was.movedByHandTo(patch.state());
          List<String> inUse = aliases.aliasesOf(tx, m.id(), version);
          if (state == VersionState.ARCHIVED && was != VersionState.ARCHIVED && !inUse.isEmpty()) {
            throw ApiException.conflict(
                    "VERSION_IN_USE",
                    "version '" + version + "' is what " + inUse + " point at; move them first")
                .with("aliases", inUse);
          }
          Version after =
              VersionChange.edited(
                  before,
                  state,
                  patch.labels() != null ? Labels.valid(patch.labels()) : before.labels(),
                  patch.notes() != null ? patch.notes() : before.notes(),
                  patch.description() != null ? patch.description() : before.description());
          versions.updateEditable(tx, stored.id(), after, Rows.now());
          JournalEntry entry =
              JournalEntry.audited(
                  actor,
                  AuditRecord.of(
                      "VERSION_UPDATE",
                      project,
                      model,
                      model + ":" + version,
                      json.valueToTree(before),
                      json.valueToTree(after)));
          if (state != was) {
            String type = state == VersionState.ARCHIVED ? "version.archived" : "version.ready";
            entry = entry.announcing(project, model, type, EventData.version(project, after));
          }
          journal.record(tx, entry);
          // The answer is the version as GET shows it, the aliases that point at it included.
          return after.withAliases(inUse);
        });
  }

  private static Map<String, Object> orEmpty(Map<String, Object> map) {
    return map == null ? Map.of() : map;
  }

  static ApiException notFound(String model, String version) {
    return ApiException.notFound(
        "VERSION_NOT_FOUND", "version '" + version + "' of model '" + model + "' does not exist");
  }
}
