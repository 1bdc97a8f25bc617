package dev.cairn.registry.webhook;

import dev.cairn.client.model.Webhook;
import dev.cairn.client.model.WebhookCreate;
import dev.cairn.client.model.WebhookPatch;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.outbox.EndpointStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A project's webhook endpoints as configuration (issue 30 item 1): create, read, change, delete.
 * Every write is audited in its transaction; the secret made at creation is returned by that call
 * alone and stored sealed ({@link SecretBox}). Rotation, tests and redelivery are {@link
 * WebhookActions}.
 */
public final class WebhookService {

  static final int MAX_ENDPOINTS = 50;

  private final Db db;
  private final WebhookRepository endpoints;
  private final EndpointAccess access;
  private final WebhookRules rules;
  private final SecretBox secrets;

  WebhookService(
      Db db,
      WebhookRepository endpoints,
      EndpointAccess access,
      WebhookRules rules,
      SecretBox secrets) {
    this.db = db;
    this.endpoints = endpoints;
    this.access = access;
    this.rules = rules;
    this.secrets = secrets;
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
          access.requireProject(tx, project);
          if (endpoints.count(tx, project) >= MAX_ENDPOINTS) {
            throw ApiException.conflict(
                "WEBHOOK_LIMIT", "a project has at most " + MAX_ENDPOINTS + " webhooks");
          }
          endpoints.insert(tx, row);
          access.audit(tx, actor, "WEBHOOK_CREATE", row, null, row.view());
          return row.withSecret(secret.value());
        });
  }

  public List<Webhook> list(String project) {
    return db.read(
        exec -> {
          access.requireProject(exec, project);
          return endpoints.list(exec, project).stream().map(StoredEndpoint::view).toList();
        });
  }

  public Webhook get(String project, String id) {
    return db.read(exec -> access.find(exec, project, id)).view();
  }

  public Webhook patch(Actor actor, String project, String id, WebhookPatch patch) {
    return db.inTransaction(
        tx -> {
          StoredEndpoint before = access.lock(tx, project, id);
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
          access.audit(tx, actor, "WEBHOOK_UPDATE", after, before.view(), after.view());
          return after.view();
        });
  }

  public void delete(Actor actor, String project, String id) {
    db.inTransaction(
        tx -> {
          StoredEndpoint before = access.lock(tx, project, id);
          endpoints.delete(tx, before.id());
          access.audit(tx, actor, "WEBHOOK_DELETE", before, before.view(), null);
          return null;
        });
  }
}
