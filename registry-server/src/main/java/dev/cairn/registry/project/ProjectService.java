package dev.cairn.registry.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.Page;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.Project;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.ProjectPatch;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.audit.AuditRecord;
import dev.cairn.registry.auth.Principal;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Names;
import dev.cairn.registry.domain.ProjectNotFound;
import dev.cairn.registry.domain.Text;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.journal.JournalEntry;
import dev.cairn.registry.paging.PageTokens;
import dev.cairn.registry.paging.Pages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Creates, lists, changes and deletes projects; every write is audited in its transaction. */
public final class ProjectService {

  private static final String LISTING = "projects:name";

  private final Db db;
  private final ProjectRepository projects;
  private final Journal journal;
  private final PageTokens pageTokens;
  private final ObjectMapper json;

  public ProjectService(
      Db db,
      ProjectRepository projects,
      Journal journal,
      PageTokens pageTokens,
      ObjectMapper json) {
    this.db = db;
    this.projects = projects;
    this.journal = journal;
    this.pageTokens = pageTokens;
    this.json = json;
  }

  public Project create(Actor actor, ProjectCreate request) {
    String name = Names.project(request.name());
    Text.lines("description", request.description());
    Policies policies = validPolicies(Policies.defaults().merge(request.policies()));
    Instant now = Rows.now();
    Project project = new Project(name, request.description(), policies, now, actor.name(), now);
    try {
      return db.inTransaction(
          tx -> {
            projects.insert(tx, UUID.randomUUID(), project);
            journal.record(
                tx,
                JournalEntry.audited(
                    actor,
                    AuditRecord.of(
                        "PROJECT_CREATE", name, null, name, null, json.valueToTree(project))));
            return project;
          });
    } catch (RuntimeException e) {
      if (Db.isUniqueViolation(e)) {
        throw ApiException.conflict("PROJECT_EXISTS", "project '" + name + "' already exists");
      }
      throw e;
    }
  }

  public Project get(String name) {
    return db.read(exec -> projects.find(exec, name))
        .orElseThrow(() -> ProjectNotFound.of(name))
        .view();
  }

  public Page<Project> list(Principal caller, int limit, String pageToken) {
    String after = pageToken == null ? "" : pageTokens.read(LISTING, pageToken).get(0);
    List<String> visible = new ArrayList<>(caller.projects());
    List<Project> rows =
        db.read(exec -> projects.list(exec, caller.allProjects(), visible, after, limit + 1));
    return Pages.of(rows, limit, last -> pageTokens.issue(LISTING, List.of(last.name())));
  }

  public Project patch(Actor actor, String name, ProjectPatch patch) {
    Text.lines("description", patch.description());
    return db.inTransaction(
        tx -> {
          StoredProject stored =
              projects.lock(tx, name).orElseThrow(() -> ProjectNotFound.of(name));
          Project before = stored.view();
          Project after =
              new Project(
                  before.name(),
                  patch.description() != null ? patch.description() : before.description(),
                  validPolicies(before.policies().merge(patch.policies())),
                  before.createdAt(),
                  before.createdBy(),
                  Rows.now());
          projects.update(tx, stored.id(), after);
          journal.record(
              tx,
              JournalEntry.audited(
                  actor,
                  AuditRecord.of(
                      "PROJECT_UPDATE",
                      name,
                      null,
                      name,
                      json.valueToTree(before),
                      json.valueToTree(after))));
          return after;
        });
  }

  /** Soft-deletes a project that holds no {@code LIVE} model; the name becomes free again. */
  public void delete(Actor actor, String name) {
    db.inTransaction(
        tx -> {
          StoredProject stored =
              projects.lock(tx, name).orElseThrow(() -> ProjectNotFound.of(name));
          List<String> live = projects.liveModels(tx, stored.id());
          if (!live.isEmpty()) {
            throw ApiException.conflict(
                    "PROJECT_NOT_EMPTY",
                    "project '" + name + "' still holds live models; archive or delete them first")
                .with("models", live);
          }
          projects.delete(tx, stored.id(), Rows.now());
          journal.record(
              tx,
              JournalEntry.audited(
                  actor,
                  AuditRecord.of(
                      "PROJECT_DELETE", name, null, name, json.valueToTree(stored.view()), null)));
          return null;
        });
  }

  private static Policies validPolicies(Policies policies) {
    if (policies.protectedAliasRatePerMinute() < 0) {
      throw ApiException.badRequest("policies.protected_alias_rate_per_minute must be 0 or more");
    }
    return policies;
  }
}
