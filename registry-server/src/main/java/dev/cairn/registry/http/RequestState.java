package dev.cairn.registry.http;

import dev.cairn.registry.auth.Principal;
import io.helidon.webserver.http.ServerRequest;

/**
 * What the filters and handlers of one request tell each other (its id, the route template it
 * matched, the authenticated caller and cookie), registered in the request's context once under one
 * key. Each of them used to be a registration of its own, read back by a lookup of its own: Helidon
 * keeps a context as lists searched by classifier and type, and those registrations and lookups
 * were ~7% of a cached resolve's CPU (issue 27 item 7). The fields are volatile because a context
 * was safe to read from any thread, and a handler may hand its request to another.
 */
final class RequestState {

  private static final String CONTEXT_KEY = "cairn.request";

  volatile String requestId;
  volatile String route;
  volatile Principal principal;
  volatile AuthContext.CookieCredential cookie;

  private RequestState() {}

  /** The state of {@code req}, or null when no filter has given it one. */
  static RequestState find(ServerRequest req) {
    return req.context().get(CONTEXT_KEY, RequestState.class).orElse(null);
  }

  /** The state of {@code req}, registered now if it has none yet. */
  static RequestState of(ServerRequest req) {
    RequestState state = find(req);
    if (state == null) {
      state = new RequestState();
      req.context().register(CONTEXT_KEY, state);
    }
    return state;
  }

  /** A fresh state registered for {@code req}: the first thing a request gets. */
  static RequestState attach(ServerRequest req) {
    RequestState state = new RequestState();
    req.context().register(CONTEXT_KEY, state);
    return state;
  }
}
