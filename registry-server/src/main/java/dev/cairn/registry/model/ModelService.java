package dev.cairn.registry.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.Model;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ModelPatch;
import dev.cairn.client.model.Page;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.audit.AuditRecord;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Names;
import dev.cairn.registry.domain.Reasons;
import dev.cairn.registry.domain.Text;
import dev.cairn.registry.events.EventData;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.journal.JournalEntry;
import dev.cairn.registry.paging.PageTokens;
import dev.cairn.registry.paging.Pages;
import dev.cairn.registry.paging.SortOrder;
import dev.cairn.registry.pointer.AliasPointers;
import dev.cairn.registry.project.StoredProject;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The life of a model: create, list, change, archive (with why), soft-delete; each audited.
 *
 * <p>One class at about 225 lines on purpose: each operation is one short audited transaction over
 * the same lookups, and the variant and alias-name checks it keeps are the create and patch rules
 * of the one resource.
 */
public final class ModelService {

  private final Db db;
  private final ModelRepository models;
  private final ModelLookup lookup;
  private final Journal journal;
  private final PageTokens pageTokens;
  private final ObjectMapper json;
  private final ModelDeletion deletion;

  public ModelService(
      Db db,
      ModelRepository models,
      ModelLookup lookup,
      Journal journal,
      AliasPointers aliases,
      PageTokens pageTokens,
      ObjectMapper json) {
    this.db = db;
    this.models = models;
    this.lookup = lookup;
    this.journal = journal;
    this.pageTokens = pageTokens;
    this.json = json;
    this.deletion = new ModelDeletion(db, models, lookup, journal, aliases, json);
  }

  public Model create(Actor actor, String project, ModelCreate request) {
    String name = Names.resource("model", request.name());
    Text.lines("description", request.description());
    Text.line("task", request.task());
    List<String> variants = variants(request.variants());
    String defaultVariant =
        request.defaultVariant() == null ? variants.get(0) : request.defaultVariant();
    if (!variants.contains(defaultVariant)) {
      throw ApiException.badRequest(
          "default_variant '" + defaultVariant + "' is not one of the variants " + variants);
    }
    Instant now = Rows.now();
    UUID id = UUID.randomUUID();
    Model model =
        new Model(
            id.toString(),
            name,
            project,
            request.description(),
            request.task(),
            Labels.valid(request.labels()),
            variants,
            defaultVariant,
            aliases(request.protectedAliases()),
            ModelState.LIVE.wire(),
            now,
            actor.name(),
            now);
    try {
      return db.inTransaction(
          tx -> {
            StoredProject p = lookup.project(tx, project);
            models.insert(tx, new StoredModel(id, p.id(), model));
            journal.record(
                tx,
                JournalEntry.audited(
                        actor,
                        AuditRecord.of(
                            "MODEL_CREATE", project, name, name, null, json.valueToTree(model)))
                    .announcing(project, name, "model.created", EventData.model(project, model)));
            return model;
          });
    } catch (RuntimeException e) {
      if (Db.isUniqueViolation(e)) {
        throw ApiException.conflict(
            "MODEL_EXISTS", "model '" + name + "' already exists in project '" + project + "'");
      }
      throw e;
    }
  }

  public Model get(String project, String model) {
    return db.read(exec -> lookup.model(exec, project, model)).view();
  }

  public Page<Model> list(
      String project, ModelFilter filter, SortOrder order, int limit, String pageToken) {
    String listing = "models:" + project + ":" + order.wireName();
    Optional<List<String>> after =
        Optional.ofNullable(pageToken).map(t -> pageTokens.read(listing, t));
    List<Model> rows =
        db.read(
            exec -> {
              StoredProject p = lookup.project(exec, project);
              return models.list(exec, p.id(), project, filter, order, after, limit + 1);
            });
    return Pages.of(
        rows,
        limit,
        last ->
            pageTokens.issue(
                listing,
                List.of(order.byName() ? last.name() : last.createdAt().toString(), last.id())));
  }

  /** Applies a patch; {@code mayProtect} tells whether the caller may change protected aliases. */
  public Model patch(
      Actor actor, String project, String name, ModelPatch patch, boolean mayProtect) {
    if (patch.protectedAliases() != null && !mayProtect) {
      throw ApiException.forbidden("changing protected_aliases needs the admin role");
    }
    if (patch.state() != null) {
      ModelState.settable(patch.state());
    }
    Reasons.checked(patch.reason());
    Text.lines("description", patch.description());
    Text.line("task", patch.task());
    return db.inTransaction(
        tx -> {
          StoredModel stored = lookup.lockModel(tx, project, name);
          Model before = stored.view();
          Model after =
              new Model(
                  before.id(),
                  before.name(),
                  project,
                  patch.description() != null ? patch.description() : before.description(),
                  patch.task() != null ? patch.task() : before.task(),
                  patch.labels() != null ? Labels.valid(patch.labels()) : before.labels(),
                  before.variants(),
                  before.defaultVariant(),
                  patch.protectedAliases() != null
                      ? aliases(patch.protectedAliases())
                      : before.protectedAliases(),
                  patch.state() != null ? patch.state() : before.state(),
                  before.createdAt(),
                  before.createdBy(),
                  Rows.now());
          models.update(tx, stored.id(), after);
          journal.record(
              tx,
              JournalEntry.audited(
                      actor,
                      new AuditRecord(
                          "MODEL_UPDATE",
                          project,
                          name,
                          name,
                          json.valueToTree(before),
                          json.valueToTree(after),
                          patch.reason(),
                          null))
                  .announcing(project, name, "model.updated", EventData.model(project, after)));
          return after;
        });
  }

  /**
   * Soft-deletes a model in one call, LIVE or ARCHIVED: refused while an alias is in use unless
   * {@code force}; {@code actor} and {@code reason} are recorded on the tombstone and in the audit.
   */
  public Model delete(Actor actor, String project, String name, String reason, boolean force) {
    return deletion.delete(actor, project, name, reason, force);
  }

  private static List<String> variants(List<String> requested) {
    if (requested == null) {
      return List.of("default");
    }
    if (requested.isEmpty() || requested.size() > 64) {
      throw ApiException.badRequest("a model has 1 to 64 variants");
    }
    LinkedHashSet<String> unique = new LinkedHashSet<>();
    for (String variant : requested) {
      if (!unique.add(Names.resource("variant", variant))) {
        throw ApiException.badRequest("variant '" + variant + "' is listed twice");
      }
    }
    return List.copyOf(unique);
  }

  private static List<String> aliases(List<String> requested) {
    if (requested == null) {
      return List.of();
    }
    LinkedHashSet<String> unique = new LinkedHashSet<>();
    requested.forEach(alias -> unique.add(Names.resource("alias", alias)));
    return List.copyOf(unique);
  }

  /** Filters of {@code GET …/models} from query values. */
  public static Optional<ModelFilter> filter(
      Optional<String> state, List<String> labels, Optional<String> prefix, Optional<String> name) {
    state.ifPresent(ModelState::parse);
    Optional<Map<String, String>> wanted = Labels.filters(labels);
    return wanted.map(w -> new ModelFilter(state, w, prefix, name));
  }
}
