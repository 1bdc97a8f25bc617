package dev.cairn.registry.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.model.Webhook;
import dev.cairn.client.model.WebhookCreate;
import dev.cairn.client.model.WebhookDelivery;
import dev.cairn.client.model.WebhookPatch;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.audit.AuditRecord;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.ProjectNotFound;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.journal.JournalEntry;
import dev.cairn.registry.outbox.EndpointStatus;
import dev.cairn.registry.project.ProjectRepository;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A project's webhook endpoints (issue 30 item 1): create, read, change, delete, rotate the secret,
 * read the delivery log, redeliver, send a test. Every write is audited in its transaction; a
 * secret is returned only by the call that made it and is stored sealed ({@link SecretBox}).
 */
public final class WebhookService {

  /** How long a rotated-out secret still signs (a second Standard Webhooks signature). */
  public static final Duration ROTATION_GRACE = Duration.ofHours(24);

  static final int MAX_ENDPOINTS = 50;

  private final Db db;
  private final WebhookRepository endpoints;
  private final ProjectRepository projects;
  private final WebhookRules rules;
  private final SecretBox secrets;
  private final Journal journal;
  private final ObjectMapper json;
  private Runnable wake = () -> {};

  WebhookService(
      Db db,
      WebhookRepository endpoints,
      ProjectRepository projects,
      WebhookRules rules,
      SecretBox secrets,
      Journal journal,
      ObjectMapper json) {
    this.db = db;
    this.endpoints = endpoints;
    this.projects = projects;
    this.rules = rules;
    this.secrets = secrets;
    this.journal = journal;
    this.json = json;
  }

  /** Who to tell that a delivery was queued outside the journal (a test, a redelivery). */
  void wakeWith(Runnable wake) {
    this.wake = wake;
  }

  public Webhook create(Actor actor, String project, WebhookCreate request) {
    WebhookRules.Checked checked =
        rules.check(
            request.url(),
            request.events(),
            Optional.ofNullable(request.status()).orElse(EndpointStatus.ACTIVE.name()),
            request.description(),
            Optional.ofNullable(request.format()).orElse(SignedRequest.STANDARD));
    WebhookSecret secret = WebhookSecret.generate();
    UUID id = UUID.randomUUID();
    Instant now = Rows.now();
    StoredEndpoint row =
        new StoredEndpoint(
            id,
            project,
            checked.url(),
            checked.events(),
            checked.status(),
            checked.description(),
            checked.format(),
            secrets.seal(id, secret.value()),
            null,
            null,
            null,
            now,
            actor.name(),
            now);
    return db.inTransaction(
        tx -> {
          requireProject(tx, project);
          if (endpoints.count(tx, project) >= MAX_ENDPOINTS) {
            throw ApiException.conflict(
                "WEBHOOK_LIMIT", "a project has at most " + MAX_ENDPOINTS + " webhooks");
          }
          endpoints.insert(tx, row);
          audit(tx, actor, "WEBHOOK_CREATE", row, null, row.view());
          return row.withSecret(secret.value());
        });
  }

  public List<Webhook> list(String project) {
    return db.read(
        exec -> {
          requireProject(exec, project);
          return endpoints.list(exec, project).stream().map(StoredEndpoint::view).toList();
        });
  }

  public Webhook get(String project, String id) {
    return db.read(exec -> find(exec, project, id)).view();
  }

  public Webhook patch(Actor actor, String project, String id, WebhookPatch patch) {
    return db.inTransaction(
        tx -> {
          StoredEndpoint before = lock(tx, project, id);
          WebhookRules.Checked checked =
              rules.check(
                  Optional.ofNullable(patch.url()).orElse(before.url()),
                  Optional.ofNullable(patch.events()).orElse(before.events()),
                  Optional.ofNullable(patch.status()).orElse(before.status().name()),
                  patch.description() == null ? before.description() : patch.description(),
                  Optional.ofNullable(patch.format()).orElse(before.format()));
          StoredEndpoint after =
              new StoredEndpoint(
                  before.id(),
                  project,
                  checked.url(),
                  checked.events(),
                  checked.status(),
                  checked.description(),
                  checked.format(),
                  before.secret(),
                  before.previousSecret(),
                  before.previousUntil(),
                  checked.status() == EndpointStatus.ACTIVE ? null : before.disabledReason(),
                  before.createdAt(),
                  before.createdBy(),
                  Rows.now());
          endpoints.update(tx, after);
          audit(tx, actor, "WEBHOOK_UPDATE", after, before.view(), after.view());
          return after.view();
        });
  }

  public void delete(Actor actor, String project, String id) {
    db.inTransaction(
        tx -> {
          StoredEndpoint before = lock(tx, project, id);
          endpoints.delete(tx, before.id());
          audit(tx, actor, "WEBHOOK_DELETE", before, before.view(), null);
          return null;
        });
  }

  /** A new secret, shown once; the old one keeps signing for {@link #ROTATION_GRACE}. */
  public Webhook rotateSecret(Actor actor, String project, String id) {
    WebhookSecret secret = WebhookSecret.generate();
    return db.inTransaction(
        tx -> {
          StoredEndpoint before = lock(tx, project, id);
          Instant now = Rows.now();
          // The old secret is re-sealed as it is: open and seal again would only add a nonce.
          endpoints.rotate(
              tx,
              before.id(),
              secrets.seal(before.id(), secret.value()),
              before.secret(),
              now.plus(ROTATION_GRACE),
              now);
          audit(tx, actor, "WEBHOOK_ROTATE_SECRET", before, null, null);
          return find(tx, project, id).withSecret(secret.value());
        });
  }

  public List<WebhookDelivery> deliveries(String project, String id, int limit) {
    return db.read(exec -> endpoints.deliveries(exec, find(exec, project, id).id(), limit));
  }

  public void redeliver(Actor actor, String project, String id, String delivery) {
    UUID deliveryId = uuid(delivery, "WEBHOOK_DELIVERY_NOT_FOUND", "delivery");
    db.inTransaction(
        tx -> {
          StoredEndpoint endpoint = lock(tx, project, id);
          switch (endpoints.redeliver(tx, endpoint.id(), deliveryId)) {
            case NOT_FOUND ->
                throw ApiException.notFound(
                    "WEBHOOK_DELIVERY_NOT_FOUND", "delivery '" + delivery + "' does not exist");
            case IN_FLIGHT ->
                throw ApiException.conflict(
                    "WEBHOOK_DELIVERY_IN_FLIGHT",
                    "delivery '" + delivery + "' is being attempted; redeliver it once that ends");
            case QUEUED -> {}
          }
          ObjectNode after = json.createObjectNode().put("delivery", delivery);
          audit(tx, actor, "WEBHOOK_REDELIVER", endpoint, null, after);
          db.onCommit(tx, wake);
          return null;
        });
  }

  /** Queues a {@code webhook.test} event for this endpoint alone; its delivery id. */
  public String test(Actor actor, String project, String id) {
    UUID deliveryId = UUID.randomUUID();
    return db.inTransaction(
        tx -> {
          StoredEndpoint endpoint = lock(tx, project, id);
          if (endpoint.status() == EndpointStatus.DISABLED) {
            // A disabled endpoint's rows are never claimed: the test would wait for nothing.
            throw ApiException.conflict(
                "WEBHOOK_DISABLED", "webhook '" + id + "' is disabled; set its status to ACTIVE");
          }
          ObjectNode data =
              json.createObjectNode()
                  .put("project", project)
                  .put("webhook", endpoint.id().toString())
                  .put("requested_by", actor.name());
          endpoints.enqueue(
              tx, deliveryId, endpoint.id(), "webhook.test", data.toString(), Rows.now());
          audit(
              tx,
              actor,
              "WEBHOOK_TEST",
              endpoint,
              null,
              json.createObjectNode().put("delivery", deliveryId.toString()));
          db.onCommit(tx, wake);
          return deliveryId.toString();
        });
  }

  private void audit(
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

  private void requireProject(DbExecute exec, String project) {
    if (projects.find(exec, project).isEmpty()) {
      throw ProjectNotFound.of(project);
    }
  }

  private StoredEndpoint find(DbExecute exec, String project, String id) {
    requireProject(exec, project);
    return endpoints
        .find(exec, project, uuid(id, "WEBHOOK_NOT_FOUND", "webhook"))
        .orElseThrow(() -> notFound(id));
  }

  private StoredEndpoint lock(DbTransaction tx, String project, String id) {
    requireProject(tx, project);
    return endpoints
        .lock(tx, project, uuid(id, "WEBHOOK_NOT_FOUND", "webhook"))
        .orElseThrow(() -> notFound(id));
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound("WEBHOOK_NOT_FOUND", "webhook '" + id + "' does not exist");
  }

  private static UUID uuid(String id, String code, String what) {
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
