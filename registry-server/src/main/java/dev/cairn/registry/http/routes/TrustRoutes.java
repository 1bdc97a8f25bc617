package dev.cairn.registry.http.routes;

import dev.cairn.registry.auth.Role;
import dev.cairn.registry.http.request.ApiRequest;
import dev.cairn.registry.http.request.RawBodies;
import dev.cairn.registry.http.request.Responses;
import dev.cairn.registry.signature.TrustDocument;
import dev.cairn.registry.signature.TrustService;
import io.helidon.webserver.http.ServerResponse;
import java.util.Set;

/** {@code …/projects/{project}/trust}: readers see the trust policy, admins replace it. */
public final class TrustRoutes implements RouteGroup {

  private static final String TRUST = "/api/v1/projects/{project}/trust";

  private final TrustService trust;
  private final Responses responses;

  public TrustRoutes(TrustService trust, Responses responses) {
    this.trust = trust;
    this.responses = responses;
  }

  @Override
  public void routes(ApiRoutes routes) {
    routes.get(TRUST, this::get).put(TRUST, this::put);
  }

  private void get(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.READER);
    responses.ok(res, trust.get(project));
  }

  private void put(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.ADMIN);
    byte[] body = RawBodies.read(req.raw(), TrustDocument.MAX_BYTES, Set.of("application/json"));
    responses.ok(res, trust.put(req.actor(), project, body));
  }
}
