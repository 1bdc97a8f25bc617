package dev.cairn.registry.http.request;

import dev.cairn.registry.domain.Text;
import dev.cairn.registry.http.RouteTemplates;
import io.helidon.webserver.http.ServerRequest;

/**
 * Builds the {@link ApiRequest} view handlers receive, after refusing query parameters the route
 * does not take and query values that are not plain text.
 */
public final class RequestFactory {

  private final JsonBodies bodies;
  private final QueryParameters parameters;

  public RequestFactory(JsonBodies bodies, QueryParameters parameters) {
    this.bodies = bodies;
    this.parameters = parameters;
  }

  public ApiRequest create(ServerRequest req) {
    var query = req.query();
    parameters.check(req.prologue().method().text(), RouteTemplates.of(req), query.names());
    String method = req.prologue().method().text();
    String route = RouteTemplates.of(req);
    for (String name : query.names()) {
      for (String value : query.all(name)) {
        Text.requirePlain("query parameter '" + Text.printable(name) + "'", value);
        parameters.checkValue(method, route, name, value);
      }
    }
    return new ApiRequest(req, bodies);
  }
}
