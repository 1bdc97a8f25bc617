package dev.cairn.registry.http.routes;

import dev.cairn.client.model.TrustPolicy;
import dev.cairn.registry.auth.Role;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.http.request.ApiRequest;
import dev.cairn.registry.http.request.RawBodies;
import dev.cairn.registry.http.request.Responses;
import dev.cairn.registry.signature.TrustDocument;
import dev.cairn.registry.signature.TrustService;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;
import java.util.Set;

/**
 * {@code …/projects/{project}/trust}: readers see the trust policy, admins replace it. The ETag is
 * the policy's version; a PUT with {@code If-Match} applies only to that version, so a
 * read-modify-write (the CLI's {@code trust add-key}) cannot undo an edit made since its read.
 */
public final class TrustRoutes implements RouteGroup {

  private static final String TRUST = "/api/v1/projects/{project}/trust";

  private final TrustService trust;
  private final Responses responses;

  public TrustRoutes(TrustService trust, Responses responses) {
    this.trust = trust;
    this.responses = responses;
  }

  @Override
  public void routes(ApiRoutes routes) {
    routes.get(TRUST, this::get).put(TRUST, this::put);
  }

  private void get(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.READER);
    send(res, trust.get(project));
  }

  private void put(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.ADMIN);
    Optional<Long> expected =
        req.raw().headers().first(HeaderNames.IF_MATCH).map(TrustRoutes::version);
    byte[] body = RawBodies.read(req.raw(), TrustDocument.MAX_BYTES, Set.of("application/json"));
    send(res, trust.put(req.actor(), project, expected, body));
  }

  private void send(ServerResponse res, TrustPolicy policy) {
    res.header(HeaderNames.ETAG, "\"" + policy.version() + "\"");
    responses.ok(res, policy);
  }

  /** {@code "7"} (or {@code W/"7"}) as 7; anything else is 400, never an unconditional write. */
  private static long version(String etag) {
    String value = etag.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    try {
      long version = Long.parseLong(value);
      if (version < 0) {
        throw new NumberFormatException();
      }
      return version;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("If-Match must be a trust policy version such as \"7\"");
    }
  }
}
