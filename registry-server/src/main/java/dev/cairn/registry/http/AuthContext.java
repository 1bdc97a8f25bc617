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

  private static final String CONTEXT_KEY = "cairn.principal";
  private static final String COOKIE_KEY = "cairn.cookie-credential";

  private AuthContext() {}

  static void set(ServerRequest req, Principal principal) {
    req.context().register(CONTEXT_KEY, principal);
  }

  static void set(ServerRequest req, Principal principal, CookieCredential cookie) {
    set(req, principal);
    req.context().register(COOKIE_KEY, cookie);
  }

  public static Optional<Principal> get(ServerRequest req) {
    return req.context().get(CONTEXT_KEY, Principal.class);
  }

  /** The cookie the request was authenticated by; empty for bearer and signed requests. */
  public static Optional<CookieCredential> cookie(ServerRequest req) {
    return req.context().get(COOKIE_KEY, CookieCredential.class);
  }
}
