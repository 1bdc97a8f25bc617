package dev.cairn.registry.http;

import io.helidon.webserver.http.ServerRequest;

/** Builds the {@link ApiRequest} view handlers receive. */
public final class RequestFactory {

  private final JsonBodies bodies;

  public RequestFactory(JsonBodies bodies) {
    this.bodies = bodies;
  }

  ApiRequest create(ServerRequest req) {
    return new ApiRequest(req, bodies);
  }
}
