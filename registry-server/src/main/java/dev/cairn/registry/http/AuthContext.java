package dev.cairn.registry.http;

import dev.cairn.registry.auth.Principal;
import io.helidon.webserver.http.ServerRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * Carries the authenticated {@link Principal} from the auth filter to the handlers, and for a
 * request authenticated by a cookie what the session endpoints tell about it.
 */
public final class AuthContext {

  /**
   * A cookie credential: the CSRF token its writes carry, when it ends, and the session id when it
   * is the registry's own session (empty for a JWT sent as {@code access_token}).
   */
  public record CookieCredential(String csrfToken, Instant expiresAt, Optional<String> sessionId) {}

  private AuthContext() {}

  static void set(ServerRequest req, Principal principal) {
    RequestState.of(req).principal = principal;
  }

  static void set(ServerRequest req, Principal principal, CookieCredential cookie) {
    RequestState state = RequestState.of(req);
    state.principal = principal;
    state.cookie = cookie;
  }

  public static Optional<Principal> get(ServerRequest req) {
    RequestState state = RequestState.find(req);
    return Optional.ofNullable(state == null ? null : state.principal);
  }

  /** The cookie the request was authenticated by; empty for bearer and signed requests. */
  public static Optional<CookieCredential> cookie(ServerRequest req) {
    RequestState state = RequestState.find(req);
    return Optional.ofNullable(state == null ? null : state.cookie);
  }
}
