package dev.cairn.registry.http;

import dev.cairn.registry.auth.Authenticator;
import dev.cairn.registry.auth.Principal;
import dev.cairn.registry.auth.RefusalAudit;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.service.HttpMetrics;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Optional;

/**
 * Requires a valid bearer token on everything under {@code /api/}; {@code /}, {@code /health*},
 * {@code /metrics} and {@code /openapi} stay public. Roles come only from the authenticated
 * identity: headers such as {@code X-User-Role} are never read.
 */
public final class AuthFilter implements Filter {

  private static final String PROTECTED_PREFIX = "/api/";

  private final Authenticator authenticator;
  private final ProblemWriter problems;
  private final HttpMetrics metrics;
  private final RefusalAudit refusals;

  public AuthFilter(
      Authenticator authenticator,
      ProblemWriter problems,
      HttpMetrics metrics,
      RefusalAudit refusals) {
    this.authenticator = authenticator;
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
    Optional<String> token =
        req.headers()
            .first(HeaderNames.AUTHORIZATION)
            .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
            .map(h -> h.substring(7).trim())
            .filter(t -> !t.isEmpty());
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

  private void refuse(RoutingRequest req, RoutingResponse res, String reason, String detail) {
    metrics.authFailure(reason);
    problems.write(
        req,
        res,
        new ApiException(401, "UNAUTHENTICATED", detail)
            .header("WWW-Authenticate", "Bearer realm=\"cairn\""));
  }
}
