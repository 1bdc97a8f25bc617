package dev.cairn.client;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cairn.client.model.Webhook;
import dev.cairn.client.model.WebhookCreate;
import dev.cairn.client.model.WebhookDelivery;
import dev.cairn.client.model.WebhookPatch;
import java.util.List;
import java.util.Map;

/** A project's webhook endpoints and their delivery log (issue 30; the project's admins only). */
public final class Webhooks {

  private final HttpTransport transport;

  Webhooks(HttpTransport transport) {
    this.transport = transport;
  }

  private static String webhooks(String project) {
    return ApiPaths.projectPath(project) + "/webhooks";
  }

  private static String webhook(String project, String id) {
    return webhooks(project) + "/" + QueryString.encode(id);
  }

  /** The new endpoint, carrying its secret: the only time it is shown. */
  public Webhook create(String project, WebhookCreate request) {
    return transport.send("POST", webhooks(project), request, new TypeReference<>() {});
  }

  public List<Webhook> list(String project) {
    Map<String, List<Webhook>> page =
        transport.send("GET", webhooks(project), null, new TypeReference<>() {});
    return page.getOrDefault("items", List.of());
  }

  public Webhook get(String project, String id) {
    return transport.send("GET", webhook(project, id), null, new TypeReference<>() {});
  }

  public Webhook patch(String project, String id, WebhookPatch patch) {
    return transport.send("PATCH", webhook(project, id), patch, new TypeReference<>() {});
  }

  public void delete(String project, String id) {
    transport.send("DELETE", webhook(project, id), null, null);
  }

  /** A new secret, shown this once. */
  public Webhook rotateSecret(String project, String id) {
    return transport.send(
        "POST", webhook(project, id) + "/rotate-secret", null, new TypeReference<>() {});
  }

  /** Queues a {@code webhook.test} event; the delivery's id (its {@code webhook-id}). */
  public String test(String project, String id) {
    Map<String, String> queued =
        transport.send("POST", webhook(project, id) + "/test", null, new TypeReference<>() {});
    return queued.get("delivery_id");
  }

  public List<WebhookDelivery> deliveries(String project, String id, Integer limit) {
    String query = new QueryString().add("limit", limit).toString();
    Map<String, List<WebhookDelivery>> page =
        transport.send(
            "GET", webhook(project, id) + "/deliveries" + query, null, new TypeReference<>() {});
    return page.getOrDefault("items", List.of());
  }

  public void redeliver(String project, String id, String delivery) {
    transport.send(
        "POST",
        webhook(project, id) + "/deliveries/" + QueryString.encode(delivery) + "/redeliver",
        null,
        new TypeReference<Map<String, Object>>() {});
  }
}
