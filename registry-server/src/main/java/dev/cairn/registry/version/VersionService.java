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
import dev.cairn.registry.events.EventData;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.journal.JournalEntry;
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
import java.util.function.Function;

/**
 * Versions as metadata: declaration (with automatic {@code v<n>} names) and listing; changes to the
 * editable fields are {@link VersionEdits}'. Content fields never change through a patch.
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
  private final VersionEdits edits;

  public VersionService(VersionStore store, PageTokens pageTokens, VersionRules rules) {
    this.db = store.db();
    this.versions = store.versions();
    this.lookup = store.lookup();
    this.journal = store.journal();
    this.aliases = store.aliases();
    this.pageTokens = pageTokens;
    this.json = store.json();
    this.rules = rules;
    this.edits = new VersionEdits(store);
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
            new Validation(CheckOutcome.NOT_RUN.wire(), CheckOutcome.NOT_RUN.wire(), Map.of()),
            declared.labels(),
            request.notes(),
            request.description(),
            List.of(),
            null,
            now,
            actor.name(),
            null,
            // A new version is unsigned; a model.sig that came with it is attached afterwards.
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

  /** Applies a patch given as JSON, refusing content fields by name ({@link VersionEdits}). */
  public Version patch(
      Actor actor,
      String project,
      String model,
      String version,
      JsonNode body,
      Function<JsonNode, VersionPatch> binder) {
    return edits.patch(actor, project, model, version, body, binder);
  }

  private static Map<String, Object> orEmpty(Map<String, Object> map) {
    return map == null ? Map.of() : map;
  }

  static ApiException notFound(String model, String version) {
    return ApiException.notFound(
        "VERSION_NOT_FOUND", "version '" + version + "' of model '" + model + "' does not exist");
  }
}
