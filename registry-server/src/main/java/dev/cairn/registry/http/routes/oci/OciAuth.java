package dev.cairn.registry.http.routes.oci;

import dev.cairn.registry.auth.Authenticator;
import dev.cairn.registry.auth.Principal;
import dev.cairn.registry.auth.RefusalAudit;
import dev.cairn.registry.http.RequestIds;
import dev.cairn.registry.oci.OciError;
import dev.cairn.registry.service.HttpMetrics;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who calls {@code /v2/}: the registry's own tokens, as {@code Authorization: Bearer <token>} or as
 * the password of {@code Basic} (any user name: what {@code oras login} and {@code docker login}
 * send). Without credentials the answer is 401 UNAUTHORIZED with a Bearer challenge whose realm is
 * {@code /v2/token}, the token endpoint of the distribution spec's flow, which hands the presented
 * token back (it mints nothing). A refused token is counted and audited as on {@code /api/}; the
 * token itself never reaches a log or an answer.
 */
final class OciAuth {

  /** The challenge of the token endpoint itself: credentials, not a token, are asked there. */
  static final String BASIC_CHALLENGE = "Basic realm=\"cairn\"";

  /** What a Host header may hold before it is written into a challenge. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-:\\[\\]]{1,255}");

  private final Authenticator authenticator;
  private final RefusalAudit refusals;
  private final HttpMetrics metrics;

  OciAuth(Authenticator authenticator, RefusalAudit refusals, HttpMetrics metrics) {
    this.authenticator = authenticator;
    this.refusals = refusals;
    this.metrics = metrics;
  }

  /** The presented token, if any; a malformed {@code Authorization} header is refused. */
  Optional<String> presented(ServerRequest req, String challenge) {
    Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String value = header.get();
    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(nonEmpty(value.substring(7).trim(), req, challenge));
    }
    if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw refused(req, challenge, "malformed", "the Basic credentials are not base64");
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw refused(req, challenge, "malformed", "the Basic credentials have no password");
      }
      return Optional.of(nonEmpty(decoded.substring(colon + 1), req, challenge));
    }
    throw refused(req, challenge, "malformed", "only Bearer and Basic credentials are accepted");
  }

  /** The caller, or 401 UNAUTHORIZED with {@code challenge} in {@code WWW-Authenticate}. */
  Principal authenticate(ServerRequest req, String challenge) {
    Optional<String> token = presented(req, challenge);
    if (token.isEmpty()) {
      throw refused(req, challenge, "missing", "authentication required");
    }
    Optional<Principal> principal = authenticator.authenticate(token.get());
    if (principal.isEmpty()) {
      authenticator
          .refusedIdentity(token.get())
          .ifPresent(name -> refusals.record(name, req.path().rawPath(), RequestIds.of(req)));
      throw refused(req, challenge, "invalid", "the token is not valid");
    }
    return principal.get();
  }

  private String nonEmpty(String token, ServerRequest req, String challenge) {
    if (token.isEmpty()) {
      throw refused(req, challenge, "malformed", "the credentials hold no token");
    }
    return token;
  }

  private OciError refused(ServerRequest req, String challenge, String reason, String detail) {
    metrics.authFailure(reason);
    return new OciError(401, "UNAUTHORIZED", "authentication required", detail)
        .header("WWW-Authenticate", challenge);
  }

  /**
   * {@code Bearer realm="<origin>/v2/token",service="cairn"[,scope="…"]}, written without spaces
   * after the commas, the form every client parses. The origin is the request's own: its Host
   * header when it is a plain host name, the scheme {@code https} when the request came over TLS or
   * a proxy says so.
   */
  static String bearerChallenge(ServerRequest req, String scope) {
    String host =
        req.headers()
            .first(HeaderNames.HOST)
            .filter(h -> HOST.matcher(h).matches())
            .orElse("localhost");
    boolean tls =
        req.isSecure()
            || req.headers()
                .first(HeaderNames.X_FORWARDED_PROTO)
                .filter("https"::equalsIgnoreCase)
                .isPresent();
    String realm = (tls ? "https" : "http") + "://" + host + "/v2/token";
    return "Bearer realm=\""
        + realm
        + "\",service=\"cairn\""
        + (scope == null ? "" : ",scope=\"" + scope + "\"");
  }
}
