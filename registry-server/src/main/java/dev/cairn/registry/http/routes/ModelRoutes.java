package dev.cairn.registry.http.routes;

import dev.cairn.client.model.Model;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ModelDelete;
import dev.cairn.client.model.ModelPatch;
import dev.cairn.client.model.Page;
import dev.cairn.registry.auth.Role;
import dev.cairn.registry.http.request.ApiRequest;
import dev.cairn.registry.http.request.Responses;
import dev.cairn.registry.model.ModelService;
import dev.cairn.registry.paging.SortOrder;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/** {@code …/projects/{project}/models}: publishers create and change, admins delete. */
public final class ModelRoutes implements RouteGroup {

  static final String MODELS = "/api/v1/projects/{project}/models";
  static final String MODEL = MODELS + "/{model}";

  private final ModelService models;
  private final Responses responses;

  public ModelRoutes(ModelService models, Responses responses) {
    this.models = models;
    this.responses = responses;
  }

  @Override
  public void routes(ApiRoutes routes) {
    routes
        .post(MODELS, this::create)
        .get(MODELS, this::list)
        .get(MODEL, this::get)
        .patch(MODEL, this::patch)
        .delete(MODEL, this::delete);
  }

  private void create(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.PUBLISHER);
    Model created = models.create(req.actor(), project, req.body(ModelCreate.class));
    responses.created(res, "/api/v1/projects/" + project + "/models/" + created.name(), created);
  }

  private void list(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.READER);
    SortOrder order = SortOrder.parse(req.query("order_by").orElse(null));
    int limit = req.limit();
    String token = req.query("page_token").orElse(null);
    var filter =
        ModelService.filter(
            req.query("state"), req.queryAll("label"), req.query("q"), req.query("name"));
    Page<Model> page =
        filter.isEmpty()
            ? new Page<>(List.of(), null)
            : models.list(project, filter.get(), order, limit, token);
    responses.ok(res, page);
  }

  private void get(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.READER);
    responses.ok(res, models.get(project, req.model()));
  }

  private void patch(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.PUBLISHER);
    ModelPatch patch = req.body(ModelPatch.class);
    responses.ok(
        res,
        models.patch(req.actor(), project, req.model(), patch, req.principal().may(Role.ADMIN)));
  }

  private void delete(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.ADMIN);
    ModelDelete request = req.optionalBody(ModelDelete.class).orElse(new ModelDelete(null, null));
    models.delete(
        req.actor(), project, req.model(), request.reason(), Boolean.TRUE.equals(request.force()));
    responses.noContent(res);
  }
}
