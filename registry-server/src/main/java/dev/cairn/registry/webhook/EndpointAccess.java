package dev.cairn.registry.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.audit.AuditRecord;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.ProjectNotFound;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.journal.JournalEntry;
import dev.cairn.registry.project.ProjectRepository;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;
import java.util.UUID;

/**
 * How both webhook services reach one endpoint of a project and record what they did to it: the
 * project must exist, an unknown or malformed id is 404 {@code WEBHOOK_NOT_FOUND}, and each change
 * is one audit row through the journal, in the caller's transaction.
 */
final class EndpointAccess {

  private final WebhookRepository endpoints;
  private final ProjectRepository projects;
  private final Journal journal;
  private final ObjectMapper json;

  EndpointAccess(
      WebhookRepository endpoints, ProjectRepository projects, Journal journal, ObjectMapper json) {
    this.endpoints = endpoints;
    this.projects = projects;
    this.journal = journal;
    this.json = json;
  }

  void requireProject(DbExecute exec, String project) {
    if (projects.find(exec, project).isEmpty()) {
      throw ProjectNotFound.of(project);
    }
  }

  StoredEndpoint find(DbExecute exec, String project, String id) {
    requireProject(exec, project);
    return endpoints
        .find(exec, project, uuid(id, "WEBHOOK_NOT_FOUND", "webhook"))
        .orElseThrow(() -> notFound(id));
  }

  /** The endpoint, its row locked until the transaction ends. */
  StoredEndpoint lock(DbTransaction tx, String project, String id) {
    requireProject(tx, project);
    return endpoints
        .lock(tx, project, uuid(id, "WEBHOOK_NOT_FOUND", "webhook"))
        .orElseThrow(() -> notFound(id));
  }

  void audit(
      DbTransaction tx,
      Actor actor,
      String action,
      StoredEndpoint endpoint,
      Object before,
      Object after) {
    journal.record(
        tx,
        JournalEntry.audited(
            actor,
            AuditRecord.of(
                action,
                endpoint.project(),
                null,
                "webhook:" + endpoint.id(),
                before == null ? null : AuditedUrl.redact(json, before),
                after == null ? null : AuditedUrl.redact(json, after))));
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound("WEBHOOK_NOT_FOUND", "webhook '" + id + "' does not exist");
  }

  /** The id as a UUID, or 404 {@code code}: an id that is not one names nothing. */
  static UUID uuid(String id, String code, String what) {
    try {
      if (id.length() == 36) {
        return UUID.fromString(id);
      }
    } catch (IllegalArgumentException e) {
      // answered below like any unknown id
    }
    // Not echoed: a path segment that is not an id is nothing the caller needs read back.
    throw ApiException.notFound(code, "that " + what + " does not exist");
  }
}
