package dev.cairn.registry.http.routes;

import dev.cairn.registry.auth.Role;
import dev.cairn.registry.http.request.ApiRequest;
import dev.cairn.registry.http.request.Responses;
import dev.cairn.registry.resolve.Answer;
import dev.cairn.registry.resolve.ResolveService;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code GET …/resolve?ref=…}: the hot path of sidecars. The ETag names the version digest and
 * alias generation, so an unchanged resolution answers 304 to {@code If-None-Match}; a verified one
 * says when in {@code X-Cairn-Verified}.
 */
public final class ResolveRoutes implements RouteGroup {

  /** When a {@code verify=true} resolve re-hashed the bytes (the body's {@code verified_at}). */
  private static final HeaderName VERIFIED = HeaderNames.create("X-Cairn-Verified");

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
    Answer answer =
        resolver.resolve(
            req.actor(), project, req.query("ref").orElse(null), req.query("variant"), verify);
    res.header(HeaderNames.ETAG, answer.etag());
    if (answer.resolved().verifiedAt() != null) {
      res.header(VERIFIED, answer.resolved().verifiedAt().toString());
    }
    if (req.raw()
        .headers()
        .first(HeaderNames.IF_NONE_MATCH)
        .filter(answer.etag()::equals)
        .isPresent()) {
      res.status(304).send();
      return;
    }
    responses.okJson(res, answer.json());
  }
}
