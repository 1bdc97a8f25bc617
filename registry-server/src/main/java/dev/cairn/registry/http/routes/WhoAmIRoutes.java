package dev.cairn.registry.http.routes;

import dev.cairn.registry.auth.Principal;
import dev.cairn.registry.http.request.ApiRequest;
import dev.cairn.registry.http.request.Responses;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;

/**
 * {@code GET /api/v1/whoami}: the caller as the registry sees it — the name audit entries record,
 * its roles and its projects ({@code cairn whoami}, spec 75-cli).
 */
public final class WhoAmIRoutes implements RouteGroup {

  private final Responses responses;

  public WhoAmIRoutes(Responses responses) {
    this.responses = responses;
  }

  @Override
  public void routes(ApiRoutes routes) {
    routes.get("/api/v1/whoami", this::whoami);
  }

  private void whoami(ApiRequest req, ServerResponse res) {
    Principal caller = req.principal();
    responses.ok(
        res,
        Map.of(
            "name",
            caller.name(),
            "roles",
            caller.roleNames(),
            "projects",
            caller.projects().stream().sorted().toList()));
  }
}
