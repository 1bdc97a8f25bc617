package dev.cairn.registry.http;

import dev.cairn.registry.auth.Authenticator;
import dev.cairn.registry.auth.BrowserSession;
import dev.cairn.registry.auth.CsrfTokens;
import dev.cairn.registry.auth.Principal;
import dev.cairn.registry.auth.SessionStore;
import dev.cairn.registry.domain.ApiException;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Authenticates a request without an {@code Authorization} header by its cookie: the registry's
 * session ({@code cairn_session}) or a JWT sent as {@code access_token} (issue 26 items 13 and 15).
 * A browser sends cookies with requests other sites make, so every write so authenticated must
 * carry the credential's CSRF token in {@code X-CSRF-Token} and come from the registry's own
 * origin.
 */
public final class CookieAuth {

  static final HeaderName CSRF_HEADER = HeaderNames.create("X-CSRF-Token");

  /** What the cookies of a request amount to. */
  sealed interface Outcome {
    /** No cookie credential: the request is unauthenticated. */
    record None() implements Outcome {}

    record Accepted(Principal principal, AuthContext.CookieCredential credential)
        implements Outcome {}

    /** Refused with {@code problem}; {@code identity} names a genuine but refused JWT's subject. */
    record Refused(String reason, ApiException problem, Optional<String> identity)
        implements Outcome {}
  }

  private final SessionStore sessions;
  private final Authenticator authenticator;
  private final SessionCookie cookie;

  public CookieAuth(SessionStore sessions, Authenticator authenticator, SessionCookie cookie) {
    this.sessions = sessions;
    this.authenticator = authenticator;
    this.cookie = cookie;
  }

  Outcome authenticate(ServerRequest req) {
    Optional<String> sessionId = SessionCookie.read(req, SessionCookie.SESSION);
    if (sessionId.isPresent()) {
      return session(req, sessionId.get());
    }
    Optional<String> jwt = SessionCookie.read(req, SessionCookie.ACCESS_TOKEN);
    if (jwt.isPresent()) {
      return cookieJwt(req, jwt.get());
    }
    return new Outcome.None();
  }

  private Outcome session(ServerRequest req, String id) {
    Optional<BrowserSession> session = sessions.find(id);
    if (session.isEmpty()) {
      return ended("the session has ended or was signed out");
    }
    BrowserSession s = session.get();
    Optional<Principal> principal =
        s.tokenSha256().isEmpty()
            ? Optional.of(s.principal())
            : authenticator.authenticateDigest(HexFormat.of().parseHex(s.tokenSha256().get()));
    if (principal.isEmpty()) {
      sessions.revoke(id);
      return ended("the token this session was opened with is no longer valid");
    }
    return checked(
        req,
        new Outcome.Accepted(
            principal.get(),
            new AuthContext.CookieCredential(s.csrfToken(), s.expiresAt(), Optional.of(id))));
  }

  /** 401 for a session cookie that no longer opens anything; the browser is told to drop it. */
  private Outcome ended(String why) {
    return new Outcome.Refused(
        "session_ended",
        new ApiException(401, "UNAUTHENTICATED", why + ": sign in again (POST /api/v1/session)")
            .header("Set-Cookie", cookie.clear())
            .header("WWW-Authenticate", "Bearer realm=\"cairn\""),
        Optional.empty());
  }

  private Outcome cookieJwt(ServerRequest req, String jwt) {
    Optional<Principal> principal =
        jwt.chars().filter(c -> c == '.').count() == 2
            ? authenticator.authenticate(jwt)
            : Optional.empty();
    if (principal.isEmpty()) {
      return new Outcome.Refused(
          "invalid_cookie",
          new ApiException(
                  401,
                  "UNAUTHENTICATED",
                  "the access_token cookie holds no valid JWT: send the token as Authorization: Bearer,"
                      + " or exchange it for a session at POST /api/v1/session")
              .header("WWW-Authenticate", "Bearer realm=\"cairn\""),
          authenticator.refusedIdentity(jwt));
    }
    Instant end = authenticator.expiresAt(jwt).orElse(Instant.MAX);
    return checked(
        req,
        new Outcome.Accepted(
            principal.get(),
            new AuthContext.CookieCredential(CsrfTokens.forJwt(jwt), end, Optional.empty())));
  }

  /** Passes reads; a write must come from the registry's origin with the credential's token. */
  private static Outcome checked(ServerRequest req, Outcome.Accepted accepted) {
    Method method = req.prologue().method();
    if (method.equals(Method.GET) || method.equals(Method.HEAD) || method.equals(Method.OPTIONS)) {
      return accepted;
    }
    if (!SameOrigin.holds(req)) {
      return csrfRejected(
          "a write authenticated by a cookie must come from the registry's own"
              + " origin (Origin header)");
    }
    Optional<String> presented = req.headers().first(CSRF_HEADER);
    if (presented.isEmpty()
        || !CsrfTokens.matches(presented.get(), accepted.credential().csrfToken())) {
      return csrfRejected(
          "a write authenticated by a cookie needs the X-CSRF-Token header that"
              + " GET /api/v1/session returns");
    }
    return accepted;
  }

  private static Outcome csrfRejected(String detail) {
    return new Outcome.Refused(
        "csrf", new ApiException(403, "CSRF_REJECTED", detail), Optional.empty());
  }
}
