package dev.cairn.registry.http.routes;

import dev.cairn.client.model.Webhook;
import dev.cairn.client.model.WebhookCreate;
import dev.cairn.client.model.WebhookPatch;
import dev.cairn.registry.auth.Role;
import dev.cairn.registry.http.request.ApiRequest;
import dev.cairn.registry.http.request.Responses;
import dev.cairn.registry.webhook.WebhookActions;
import dev.cairn.registry.webhook.WebhookService;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;

/**
 * {@code /api/v1/projects/{project}/webhooks} (issue 30): only the project's admins see or change
 * its webhooks — a target URL and its delivery log say where a team's tools live.
 */
public final class WebhookRoutes implements RouteGroup {

  private static final String WEBHOOKS = "/api/v1/projects/{project}/webhooks";
  private static final String WEBHOOK = WEBHOOKS + "/{webhook}";

  private final WebhookService webhooks;
  private final WebhookActions actions;
  private final Responses responses;

  public WebhookRoutes(WebhookService webhooks, WebhookActions actions, Responses responses) {
    this.webhooks = webhooks;
    this.actions = actions;
    this.responses = responses;
  }

  @Override
  public void routes(ApiRoutes routes) {
    routes
        .post(WEBHOOKS, this::create)
        .get(WEBHOOKS, this::list)
        .get(WEBHOOK, this::get)
        .patch(WEBHOOK, this::patch)
        .delete(WEBHOOK, this::delete)
        .post(WEBHOOK + "/rotate-secret", this::rotate)
        .post(WEBHOOK + "/test", this::test)
        .get(WEBHOOK + "/deliveries", this::deliveries)
        .post(WEBHOOK + "/deliveries/{delivery}/redeliver", this::redeliver);
  }

  private static String admin(ApiRequest req) {
    String project = req.project();
    req.require(Role.ADMIN);
    return project;
  }

  private static String id(ApiRequest req) {
    return req.raw().path().pathParameters().get("webhook");
  }

  private void create(ApiRequest req, ServerResponse res) {
    String project = admin(req);
    Webhook created = webhooks.create(req.actor(), project, req.body(WebhookCreate.class));
    responses.created(res, "/api/v1/projects/" + project + "/webhooks/" + created.id(), created);
  }

  private void list(ApiRequest req, ServerResponse res) {
    String project = admin(req);
    responses.ok(res, Map.of("items", webhooks.list(project)));
  }

  private void get(ApiRequest req, ServerResponse res) {
    String project = admin(req);
    responses.ok(res, webhooks.get(project, id(req)));
  }

  private void patch(ApiRequest req, ServerResponse res) {
    String project = admin(req);
    responses.ok(res, webhooks.patch(req.actor(), project, id(req), req.body(WebhookPatch.class)));
  }

  private void delete(ApiRequest req, ServerResponse res) {
    String project = admin(req);
    webhooks.delete(req.actor(), project, id(req));
    responses.noContent(res);
  }

  private void rotate(ApiRequest req, ServerResponse res) {
    String project = admin(req);
    responses.ok(res, actions.rotateSecret(req.actor(), project, id(req)));
  }

  private void test(ApiRequest req, ServerResponse res) {
    String project = admin(req);
    responses.send(res, 202, Map.of("delivery_id", actions.test(req.actor(), project, id(req))));
  }

  private void deliveries(ApiRequest req, ServerResponse res) {
    String project = admin(req);
    responses.ok(res, Map.of("items", actions.deliveries(project, id(req), req.limit())));
  }

  private void redeliver(ApiRequest req, ServerResponse res) {
    String project = admin(req);
    actions.redeliver(
        req.actor(), project, id(req), req.raw().path().pathParameters().get("delivery"));
    responses.send(res, 202, Map.of("redelivered", true));
  }
}
