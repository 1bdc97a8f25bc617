package dev.cairn.registry.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.cairn.client.signing.RequestSignature;
import dev.cairn.registry.auth.AuthSetup;
import dev.cairn.registry.auth.Authenticator;
import dev.cairn.registry.auth.Principal;
import dev.cairn.registry.auth.RefusalAudit;
import dev.cairn.registry.auth.SignedRequests;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.service.HttpMetrics;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Requires a valid bearer token (on the MLflow-compatible surface also a token sent as a Basic
 * password, as MLflow clients do), a request signed by a pre-shared key ({@link SignedRequests}),
 * or without an {@code Authorization} header a cookie ({@link CookieAuth}), on everything under
 * {@code /api/}; {@code /}, {@code /health*}, {@code /metrics} and {@code /openapi} stay public.
 * Roles come only from the authenticated identity: headers such as {@code X-User-Role} are never
 * read.
 */
public final class AuthFilter implements Filter {

  private static final String PROTECTED_PREFIX = "/api/";
  private static final int SCHEME_LENGTH = RequestSignature.SCHEME.length();

  private final Authenticator authenticator;
  private final Optional<SignedRequests> signed;
  private final ProblemWriter problems;
  private final HttpMetrics metrics;
  private final RefusalAudit refusals;
  private final CookieAuth cookies;

  public AuthFilter(
      AuthSetup.Result auth,
      CookieAuth cookies,
      ProblemWriter problems,
      HttpMetrics metrics,
      RefusalAudit refusals) {
    this.authenticator = auth.authenticator();
    this.cookies = cookies;
    this.signed = auth.signedRequests();
    this.problems = problems;
    this.metrics = metrics;
    this.refusals = refusals;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    if (!req.path().rawPath().startsWith(PROTECTED_PREFIX)) {
      chain.proceed();
      return;
    }
    Optional<String> authorization = req.headers().first(HeaderNames.AUTHORIZATION);
    if (authorization
        .filter(h -> h.regionMatches(true, 0, RequestSignature.SCHEME, 0, SCHEME_LENGTH))
        .isPresent()) {
      signed(chain, req, res, authorization.get());
      return;
    }
    if (authorization.isEmpty()) {
      byCookie(chain, req, res);
      return;
    }
    Optional<String> token =
        MlflowErrors.applies(req)
            ? bearerToken(req).or(() -> basicPassword(req))
            : bearerToken(req);
    if (token.isEmpty()) {
      refuse(req, res, "missing", "a bearer token is required (Authorization: Bearer <token>)");
      return;
    }
    Optional<Principal> principal = authenticator.authenticate(token.get());
    if (principal.isEmpty()) {
      authenticator
          .refusedIdentity(token.get())
          .ifPresent(name -> refusals.record(name, req.path().rawPath(), RequestIds.of(req)));
      refuse(req, res, "invalid", "the bearer token is not valid");
      return;
    }
    AuthContext.set(req, principal.get());
    chain.proceed();
  }

  /** The token of an {@code Authorization: Bearer} header, if the request has one. */
  public static Optional<String> bearerToken(ServerRequest req) {
    return req.headers()
        .first(HeaderNames.AUTHORIZATION)
        .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(h -> h.substring(7).trim())
        .filter(t -> !t.isEmpty());
  }

  /**
   * The password of an {@code Authorization: Basic} header: how MLflow clients send a token set as
   * {@code MLFLOW_TRACKING_PASSWORD}. Read only on the MLflow-compatible surface; the user name is
   * ignored (the token alone names the identity), and a header that does not decode is no
   * credential.
   */
  static Optional<String> basicPassword(ServerRequest req) {
    return req.headers()
        .first(HeaderNames.AUTHORIZATION)
        .filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6))
        .flatMap(
            h -> {
              try {
                String pair = new String(Base64.getDecoder().decode(h.substring(6).trim()), UTF_8);
                int colon = pair.indexOf(':');
                return colon < 0 ? Optional.empty() : Optional.of(pair.substring(colon + 1));
              } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
              }
            })
        .filter(t -> !t.isEmpty());
  }

  private void byCookie(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    switch (cookies.authenticate(req)) {
      case CookieAuth.Outcome.None none ->
          refuse(req, res, "missing", "a bearer token is required (Authorization: Bearer <token>)");
      case CookieAuth.Outcome.Accepted accepted -> {
        AuthContext.set(req, accepted.principal(), accepted.credential());
        chain.proceed();
      }
      case CookieAuth.Outcome.Refused refused -> {
        refused
            .identity()
            .ifPresent(name -> refusals.record(name, req.path().rawPath(), RequestIds.of(req)));
        metrics.authFailure(refused.reason());
        problems.write(req, res, refused.problem());
      }
    }
  }

  private void signed(
      FilterChain chain, RoutingRequest req, RoutingResponse res, String authorization) {
    if (signed.isEmpty()) {
      refuse(req, res, "unsigned", "this registry accepts no signed requests (no signing keys)");
      return;
    }
    SignedRequests.Verdict verdict =
        signed
            .get()
            .verify(
                new SignedRequests.Request(
                    req.prologue().method().text(),
                    req.path().rawPath(),
                    req.query().rawValue(),
                    authorization,
                    signableHeaders(req)));
    switch (verdict) {
      case SignedRequests.Verdict.Accepted accepted -> {
        AuthContext.set(req, accepted.principal());
        RequestBodies.holdTo(req, accepted.bodySha256(), () -> signed.get().release(accepted));
        chain.proceed();
      }
      case SignedRequests.Verdict.Refused refused -> {
        refused
            .keyId()
            .ifPresent(key -> refusals.record(key, req.path().rawPath(), RequestIds.of(req)));
        refuse(req, res, refused.reason(), refused.detail());
      }
    }
  }

  /**
   * The values of the headers a signature may cover that {@code req} carries, by lowercase name.
   */
  private static Map<String, List<String>> signableHeaders(RoutingRequest req) {
    Map<String, List<String>> values = new HashMap<>();
    for (String name : SignedRequests.signableHeaders()) {
      HeaderName header = HeaderNames.create(name);
      if (req.headers().contains(header)) {
        values.put(name, req.headers().get(header).allValues());
      }
    }
    return values;
  }

  private void refuse(RoutingRequest req, RoutingResponse res, String reason, String detail) {
    metrics.authFailure(reason);
    problems.write(
        req,
        res,
        new ApiException(401, "UNAUTHENTICATED", detail)
            .header("WWW-Authenticate", "Bearer realm=\"cairn\""));
  }
}
