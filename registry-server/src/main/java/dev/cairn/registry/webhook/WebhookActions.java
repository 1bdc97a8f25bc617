package dev.cairn.registry.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.model.Webhook;
import dev.cairn.client.model.WebhookDelivery;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.Rows;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.outbox.EndpointStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an admin does with an endpoint that exists, beside configuring it (issue 30 items 1 and 4):
 * rotate its secret, read its delivery log, redeliver one delivery, queue a test event. Each is
 * audited in its transaction; a queued delivery wakes this replica's worker once it commits.
 */
public final class WebhookActions {

  /** How long a rotated-out secret still signs (a second Standard Webhooks signature). */
  public static final Duration ROTATION_GRACE = Duration.ofHours(24);

  private final Db db;
  private final WebhookRepository endpoints;
  private final EndpointAccess access;
  private final SecretBox secrets;
  private final ObjectMapper json;
  private final Runnable wake;

  WebhookActions(
      Db db,
      WebhookRepository endpoints,
      EndpointAccess access,
      SecretBox secrets,
      ObjectMapper json,
      Runnable wake) {
    this.db = db;
    this.endpoints = endpoints;
    this.access = access;
    this.secrets = secrets;
    this.json = json;
    this.wake = wake;
  }

  /** A new secret, shown once; the old one keeps signing for {@link #ROTATION_GRACE}. */
  public Webhook rotateSecret(Actor actor, String project, String id) {
    WebhookSecret secret = WebhookSecret.generate();
    return db.inTransaction(
        tx -> {
          StoredEndpoint before = access.lock(tx, project, id);
          Instant now = Rows.now();
          // The old secret is re-sealed as it is: open and seal again would only add a nonce.
          endpoints.rotate(
              tx,
              before.id(),
              secrets.seal(before.id(), secret.value()),
              before.secret(),
              now.plus(ROTATION_GRACE),
              now);
          access.audit(tx, actor, "WEBHOOK_ROTATE_SECRET", before, null, null);
          return access.find(tx, project, id).withSecret(secret.value());
        });
  }

  public List<WebhookDelivery> deliveries(String project, String id, int limit) {
    return db.read(exec -> endpoints.deliveries(exec, access.find(exec, project, id).id(), limit));
  }

  public void redeliver(Actor actor, String project, String id, String delivery) {
    UUID deliveryId = EndpointAccess.uuid(delivery, "WEBHOOK_DELIVERY_NOT_FOUND", "delivery");
    db.inTransaction(
        tx -> {
          StoredEndpoint endpoint = access.lock(tx, project, id);
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
          access.audit(tx, actor, "WEBHOOK_REDELIVER", endpoint, null, after);
          db.onCommit(tx, wake);
          return null;
        });
  }

  /** Queues a {@code webhook.test} event for this endpoint alone; its delivery id. */
  public String test(Actor actor, String project, String id) {
    UUID deliveryId = UUID.randomUUID();
    return db.inTransaction(
        tx -> {
          StoredEndpoint endpoint = access.lock(tx, project, id);
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
          access.audit(
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
}
