package dev.cairn.registry.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cairn.client.model.TrustPolicy;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.audit.AuditRecord;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.domain.ProjectNotFound;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.journal.JournalEntry;
import dev.cairn.registry.project.ProjectRepository;
import dev.cairn.registry.project.StoredProject;
import java.util.Optional;

/**
 * {@code GET/PUT …/trust}: a project's trust policy. A PUT locks the project row (two PUTs number
 * their versions one after the other; one that names the version it edited, {@code If-Match}, is
 * refused 412 when another came first), stores the policy whole and records {@code TRUST_UPDATE}
 * with the event {@code trust.updated}, which drops the project's cached resolutions on every
 * replica; decisions read the policy from the database, so it is effective at once everywhere.
 */
public final class TrustService {

  static final String EVENT = "trust.updated";

  private final Db db;
  private final ProjectRepository projects;
  private final TrustRepository trust;
  private final Journal journal;
  private final ObjectMapper json;

  public TrustService(
      Db db,
      ProjectRepository projects,
      TrustRepository trust,
      Journal journal,
      ObjectMapper json) {
    this.db = db;
    this.projects = projects;
    this.trust = trust;
    this.journal = journal;
    this.json = json;
  }

  public TrustPolicy get(String project) {
    return db.read(
        exec -> {
          StoredProject stored =
              projects.find(exec, project).orElseThrow(() -> ProjectNotFound.of(project));
          return trust.find(exec, stored.id()).orElse(TrustPolicy.empty());
        });
  }

  /**
   * Replaces the policy with the one {@code body} holds (validated before anything is locked), when
   * the stored one is at version {@code expected} (if given).
   */
  public TrustPolicy put(Actor actor, String project, Optional<Long> expected, byte[] body) {
    TrustPolicy asked = TrustDocument.parse(body);
    return db.inTransaction(
        tx -> {
          StoredProject stored =
              projects.lock(tx, project).orElseThrow(() -> ProjectNotFound.of(project));
          Optional<TrustPolicy> current = trust.find(tx, stored.id());
          TrustPolicy next = TrustRules.next(current, asked, expected, actor.name(), Rows.now());
          journal.record(
              tx,
              JournalEntry.audited(
                      actor,
                      AuditRecord.of(
                          "TRUST_UPDATE",
                          project,
                          null,
                          project,
                          current.<JsonNode>map(json::valueToTree).orElse(null),
                          json.valueToTree(next)))
                  .announcing(
                      project,
                      null,
                      EVENT,
                      JsonNodeFactory.instance
                          .objectNode()
                          .put("project", project)
                          .put("version", next.version()))
                  .after(trust.store(stored.id(), next)));
          return next;
        });
  }
}
