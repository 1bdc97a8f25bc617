package dev.cairn.registry.http.routes;

import dev.cairn.client.model.InstanceReport;
import dev.cairn.registry.auth.Role;
import dev.cairn.registry.http.request.ApiRequest;
import dev.cairn.registry.http.request.Responses;
import dev.cairn.registry.instance.InstanceService;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;

/**
 * {@code …/instances}: sidecars (the {@code sidecar} role, or an admin) report what they serve;
 * readers list live reports.
 */
public final class InstanceRoutes implements RouteGroup {

  private static final String INSTANCES = "/api/v1/projects/{project}/instances";

  private final InstanceService instances;
  private final Responses responses;

  public InstanceRoutes(InstanceService instances, Responses responses) {
    this.instances = instances;
    this.responses = responses;
  }

  @Override
  public void routes(ApiRoutes routes) {
    routes.put(INSTANCES + "/{instance}", this::report).get(INSTANCES, this::list);
  }

  private void report(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.SIDECAR);
    String id = req.raw().path().pathParameters().get("instance");
    boolean admin = req.principal().roles().contains(Role.ADMIN);
    responses.ok(
        res, instances.report(req.actor(), admin, project, id, req.body(InstanceReport.class)));
  }

  private void list(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.READER);
    responses.ok(
        res,
        Map.of(
            "items",
            instances.live(
                project, req.query("model").orElse(null), req.query("alias").orElse(null))));
  }
}
