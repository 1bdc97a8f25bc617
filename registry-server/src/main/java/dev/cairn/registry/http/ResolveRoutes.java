package dev.cairn.registry.http;

import dev.cairn.client.model.Resolved;
import dev.cairn.registry.auth.Role;
import dev.cairn.registry.resolve.ResolveService;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET …/resolve?ref=…}: the hot path of sidecars. The ETag names the version digest and
 * alias generation, so an unchanged resolution answers 304 to {@code If-None-Match}.
 */
public final class ResolveRoutes implements RouteGroup {

  private final ResolveService resolver;
  private final Responses responses;

  public ResolveRoutes(ResolveService resolver, Responses responses) {
    this.resolver = resolver;
    this.responses = responses;
  }

  @Override
  public void routes(ApiRoutes routes) {
    routes.get("/api/v1/projects/{project}/resolve", this::resolve);
  }

  private void resolve(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.READER);
    boolean verify = req.query("verify").map(Boolean::parseBoolean).orElse(false);
    Resolved resolved =
        resolver.resolve(
            req.actor(), project, req.query("ref").orElse(null), req.query("variant"), verify);
    String etag =
        "\""
            + resolved.version().version()
            + "/"
            + resolved.version().digest()
            + "/"
            + (resolved.generation() == null ? "-" : resolved.generation())
            + "\"";
    res.header(HeaderNames.ETAG, etag);
    if (req.raw().headers().first(HeaderNames.IF_NONE_MATCH).filter(etag::equals).isPresent()) {
      res.status(304).send();
      return;
    }
    responses.ok(res, resolved);
  }
}
