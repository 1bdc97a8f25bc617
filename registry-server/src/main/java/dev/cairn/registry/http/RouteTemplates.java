package dev.cairn.registry.http;

import io.helidon.webserver.http.ServerRequest;

/**
 * The route template a request matched ({@code /api/v1/projects/{project}}), kept in the request
 * context so metrics and logs group by route rather than by raw path.
 */
public final class RouteTemplates {

  private static final String CONTEXT_KEY = "cairn.route";

  private RouteTemplates() {}

  public static void remember(ServerRequest req, String template) {
    req.context().register(CONTEXT_KEY, template);
  }

  public static String of(ServerRequest req) {
    return req.context().get(CONTEXT_KEY, String.class).orElse("unmatched");
  }
}
