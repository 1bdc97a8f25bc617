package dev.cairn.registry.http.request;

import io.helidon.webserver.http.ServerResponse;

/** A route handler that receives the authenticated, parsed view of the request. */
@FunctionalInterface
public interface ApiHandler {

  void handle(ApiRequest req, ServerResponse res) throws Exception;
}
