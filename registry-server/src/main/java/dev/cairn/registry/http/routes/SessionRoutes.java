package dev.cairn.registry.http.routes;

import dev.cairn.registry.auth.Authenticator;
import dev.cairn.registry.auth.Principal;
import dev.cairn.registry.auth.SessionStore;
import dev.cairn.registry.auth.TokenHashes;
import dev.cairn.registry.config.SessionSettings;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.http.AuthContext;
import dev.cairn.registry.http.AuthFilter;
import dev.cairn.registry.http.CookieAuth;
import dev.cairn.registry.http.SameOrigin;
import dev.cairn.registry.http.SessionCookie;
import dev.cairn.registry.http.request.ApiRequest;
import dev.cairn.registry.http.request.Responses;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/session}: browser sessions (issue 26 item 13). {@code POST} exchanges a bearer
 * token or JWT for an HttpOnly {@code cairn_session} cookie and answers the session's CSRF token;
 * {@code GET} answers who the cookie stands for and that token again (a reloaded page keeps it in
 * memory only); {@code DELETE} signs out: the row is deleted, so every replica refuses the cookie,
 * and the cookie is cleared.
 */
public final class SessionRoutes implements RouteGroup {

  private static final String PATH = "/api/v1/session";

  private final SessionStore store;
  private final Authenticator authenticator;
  private final Duration maxLifetime;
  private final SessionCookie cookie;
  private final Responses responses;

  public SessionRoutes(
      SessionStore store,
      Authenticator authenticator,
      SessionSettings settings,
      Responses responses) {
    this.store = store;
    this.authenticator = authenticator;
    this.maxLifetime = settings.maxLifetime();
    this.cookie = new SessionCookie(settings.secureCookie());
    this.responses = responses;
  }

  /** The cookie check of the auth filter, over the same store and cookie form. */
  public CookieAuth cookieAuth() {
    return new CookieAuth(store, authenticator, cookie);
  }

  @Override
  public void routes(ApiRoutes routes) {
    routes.post(PATH, this::open).get(PATH, this::show).delete(PATH, this::close);
  }

  private void open(ApiRequest req, ServerResponse res) {
    String token = bearerToken(req);
    if (req.raw().headers().contains(HeaderNames.ORIGIN) && !SameOrigin.holds(req.raw())) {
      throw new ApiException(
          403, "CSRF_REJECTED", "a session is opened only from the registry's own origin");
    }
    Principal caller = req.principal();
    Instant now = Instant.now();
    Instant end = SessionStore.endOf(authenticator.expiresAt(token), maxLifetime, now);
    SessionCookie.read(req.raw(), SessionCookie.SESSION).ifPresent(store::revoke);
    byte[] digest = TokenHashes.sha256(token);
    Optional<String> byHash =
        authenticator.authenticateDigest(digest).map(p -> HexFormat.of().formatHex(digest));
    SessionStore.Opened opened = store.open(caller, byHash, end);
    res.header(HeaderNames.SET_COOKIE, cookie.set(opened.id(), Duration.between(now, end)));
    res.header(HeaderNames.CACHE_CONTROL, "no-store");
    responses.created(res, PATH, view(caller, opened.session().csrfToken(), end));
  }

  private void show(ApiRequest req, ServerResponse res) {
    AuthContext.CookieCredential credential =
        AuthContext.cookie(req.raw())
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "SESSION_NOT_FOUND",
                        "this request carries no session cookie: POST /api/v1/session opens one"));
    res.header(HeaderNames.CACHE_CONTROL, "no-store");
    responses.ok(res, view(req.principal(), credential.csrfToken(), credential.expiresAt()));
  }

  private void close(ApiRequest req, ServerResponse res) {
    SessionCookie.read(req.raw(), SessionCookie.SESSION).ifPresent(store::revoke);
    res.header(HeaderNames.SET_COOKIE, cookie.clear());
    responses.noContent(res);
  }

  /** The bearer token of the request: a session is exchanged for one, never for a cookie. */
  private static String bearerToken(ApiRequest req) {
    return AuthFilter.bearerToken(req.raw())
        .orElseThrow(
            () ->
                new ApiException(
                    401,
                    "UNAUTHENTICATED",
                    "POST /api/v1/session exchanges a bearer token or JWT: send it as"
                        + " Authorization: Bearer <token>"));
  }

  private static Map<String, Object> view(Principal caller, String csrfToken, Instant end) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", caller.name());
    body.put("roles", caller.roleNames());
    body.put("projects", caller.projects().stream().sorted().toList());
    body.put("csrf_token", csrfToken);
    if (!end.equals(Instant.MAX)) {
      body.put("expires_at", end.toString());
    }
    return body;
  }
}
