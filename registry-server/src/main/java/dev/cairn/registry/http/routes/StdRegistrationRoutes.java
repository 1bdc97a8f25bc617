package dev.cairn.registry.http.routes;

import dev.cairn.client.model.Version;
import dev.cairn.registry.auth.Role;
import dev.cairn.registry.http.RequestBodies;
import dev.cairn.registry.http.request.ApiRequest;
import dev.cairn.registry.http.request.Responses;
import dev.cairn.registry.standard.StdRegistrationService;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

/** {@code …/models/{model}/std-registrations}: ink-inspection standards from STD images. */
public final class StdRegistrationRoutes implements RouteGroup {

  private static final String REGISTRATIONS = ModelRoutes.MODEL + "/std-registrations";

  private final StdRegistrationService registrations;
  private final Responses responses;

  public StdRegistrationRoutes(StdRegistrationService registrations, Responses responses) {
    this.registrations = registrations;
    this.responses = responses;
  }

  @Override
  public void routes(ApiRoutes routes) {
    routes.post(REGISTRATIONS, this::register);
  }

  private void register(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.PUBLISHER);
    String model = req.model();
    boolean dryRun = req.query("dry_run").map(Boolean::parseBoolean).orElse(false);
    Object result =
        registrations.register(
            req.actor(),
            project,
            model,
            req.raw().headers().first(HeaderNames.CONTENT_TYPE).orElse(""),
            RequestBodies.open(req.raw()),
            dryRun);
    if (result instanceof Version version) {
      responses.created(
          res,
          "/api/v1/projects/" + project + "/models/" + model + "/versions/" + version.version(),
          version);
    } else {
      responses.ok(res, result);
    }
  }
}
