package dev.cairn.registry.http;

import io.helidon.webserver.http.ServerRequest;

/**
 * The route template a request matched ({@code /api/v1/projects/{project}}), kept in the request
 * context so metrics and logs group by route rather than by raw path.
 */
public final class RouteTemplates {

  private RouteTemplates() {}

  public static void remember(ServerRequest req, String template) {
    RequestState.of(req).route = template;
  }

  public static String of(ServerRequest req) {
    RequestState state = RequestState.find(req);
    return state == null || state.route == null ? "unmatched" : state.route;
  }
}
