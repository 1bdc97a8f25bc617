package dev.cairn.registry.http;

import dev.cairn.registry.domain.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.List;
import java.util.Optional;

/**
 * CORS for {@code CAIRN_ALLOWED_ORIGINS}: listed origins get the CORS headers and answered
 * preflights; others get none (the browser then blocks the call), and their preflight is refused.
 * Runs before authentication because browsers send preflights without credentials.
 */
public final class CorsFilter implements Filter {

  private static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
  private static final String ALLOWED_HEADERS =
      "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, X-Request-Id, "
          + "X-Checksum-Sha256, Last-Event-ID";
  private static final String EXPOSED_HEADERS =
      "X-Request-Id, ETag, Location, Retry-After, X-Cairn-Verified";

  private final List<String> allowedOrigins;
  private final ProblemWriter problems;

  public CorsFilter(List<String> allowedOrigins, ProblemWriter problems) {
    this.allowedOrigins = List.copyOf(allowedOrigins);
    this.problems = problems;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
    boolean preflight =
        req.prologue().method().equals(Method.OPTIONS)
            && req.headers().contains(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
    if (origin.isEmpty()) {
      chain.proceed();
      return;
    }
    boolean allowed = allowedOrigins.contains("*") || allowedOrigins.contains(origin.get());
    if (!allowed) {
      if (preflight) {
        problems.write(
            req, res, new ApiException(403, "CORS_ORIGIN_FORBIDDEN", "origin not allowed"));
        return;
      }
      chain.proceed();
      return;
    }
    res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin.get());
    res.header(HeaderNames.VARY, "Origin");
    if (preflight) {
      res.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
      res.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
      res.header(HeaderNames.ACCESS_CONTROL_MAX_AGE, "600");
      res.status(204).send();
      return;
    }
    res.header(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
    chain.proceed();
  }
}
