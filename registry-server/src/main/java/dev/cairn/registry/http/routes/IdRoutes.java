package dev.cairn.registry.http.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.model.Page;
import dev.cairn.registry.auth.Role;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Names;
import dev.cairn.registry.http.request.ApiRequest;
import dev.cairn.registry.http.request.Responses;
import dev.cairn.registry.model.ModelService;
import dev.cairn.registry.resolve.VersionViews;
import dev.cairn.registry.version.IdLookups;
import dev.cairn.registry.version.ProjectVersions;
import dev.cairn.registry.version.VersionService;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Optional;

/**
 * Reads by id and across a project (seed 004's clients store ids): {@code /api/v1/models/{id}},
 * {@code /api/v1/versions/{id}} and {@code /api/v1/projects/{project}/versions}. An id in a project
 * the caller cannot see is answered as one that does not exist.
 */
public final class IdRoutes implements RouteGroup {

  private final IdLookups ids;
  private final ModelService models;
  private final VersionService versions;
  private final VersionViews views;
  private final ProjectVersions projectVersions;
  private final Responses responses;

  public IdRoutes(
      IdLookups ids,
      ModelService models,
      VersionService versions,
      VersionViews views,
      ProjectVersions projectVersions,
      Responses responses) {
    this.ids = ids;
    this.models = models;
    this.versions = versions;
    this.views = views;
    this.projectVersions = projectVersions;
    this.responses = responses;
  }

  @Override
  public void routes(ApiRoutes routes) {
    routes
        .get("/api/v1/models/{id}", this::model)
        .get("/api/v1/versions/{id}", this::version)
        .get("/api/v1/projects/{project}/versions", this::list);
  }

  private void model(ApiRequest req, ServerResponse res) {
    req.require(Role.READER);
    String id = req.raw().path().pathParameters().get("id");
    IdLookups.ModelAt at =
        ids.model(id)
            .filter(m -> req.principal().canSee(m.project()))
            .orElseThrow(() -> notFound("MODEL_NOT_FOUND", "model", id));
    responses.ok(res, models.get(at.project(), at.model()));
  }

  private void version(ApiRequest req, ServerResponse res) {
    req.require(Role.READER);
    String id = req.raw().path().pathParameters().get("id");
    IdLookups.VersionAt at =
        ids.version(id)
            .filter(v -> req.principal().canSee(v.project()))
            .orElseThrow(() -> notFound("VERSION_NOT_FOUND", "version", id));
    // A version names its model but not its project; an id lookup answers with both.
    ObjectNode body =
        responses
            .json()
            .valueToTree(
                views.of(at.project(), versions.get(at.project(), at.model(), at.version())));
    body.put("project", at.project());
    responses.ok(res, body);
  }

  private void list(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.READER);
    Optional<String> model = req.query("model").map(m -> Names.resource("model", m));
    var filter = VersionRoutes.filter(req, model);
    responses.ok(
        res,
        filter.isEmpty()
            ? new Page<>(List.of(), null)
            : views.page(
                project,
                projectVersions.list(
                    project, filter.get(), req.limit(), req.query("page_token").orElse(null))));
  }

  private static ApiException notFound(String code, String kind, String id) {
    return ApiException.notFound(code, "no " + kind + " with id '" + id + "'");
  }
}
