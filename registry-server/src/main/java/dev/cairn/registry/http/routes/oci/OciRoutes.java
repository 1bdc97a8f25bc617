package dev.cairn.registry.http.routes.oci;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.registry.artifact.FileDownloads;
import dev.cairn.registry.auth.Authenticator;
import dev.cairn.registry.auth.Principal;
import dev.cairn.registry.auth.RefusalAudit;
import dev.cairn.registry.auth.Role;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.http.RouteTemplates;
import dev.cairn.registry.oci.OciCatalog;
import dev.cairn.registry.oci.OciError;
import dev.cairn.registry.oci.OciPath;
import dev.cairn.registry.service.HttpMetrics;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.PathMatchers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The pull side of the OCI Distribution API under {@code /v2/} (issue 29 items 5–6): the base
 * check, manifests and blobs ({@link OciContent}), {@code tags/list} and the referrers API ({@link
 * OciListings}), and the token endpoint of the challenge flow. Read only: every push or delete
 * answers 405 UNSUPPORTED. It sits beside the {@code /api/} route table rather than in it: its
 * paths, errors and authentication are the distribution spec's, not the registry's, so the OpenAPI
 * document does not describe it (README, "Pulling with OCI tools").
 */
public final class OciRoutes {

  static final String CONTENT_DIGEST = "Docker-Content-Digest";

  private static final String ALLOW = "GET, HEAD";
  private static final Map<OciPath.Endpoint, String> TEMPLATES =
      Map.of(
          OciPath.Endpoint.BASE, "/v2/",
          OciPath.Endpoint.TOKEN, "/v2/token",
          OciPath.Endpoint.MANIFEST, "/v2/{name}/manifests/{reference}",
          OciPath.Endpoint.BLOB, "/v2/{name}/blobs/{digest}",
          OciPath.Endpoint.BLOB_UPLOAD, "/v2/{name}/blobs/uploads/",
          OciPath.Endpoint.TAGS, "/v2/{name}/tags/list",
          OciPath.Endpoint.REFERRERS, "/v2/{name}/referrers/{digest}",
          OciPath.Endpoint.UNKNOWN, "/v2/{unknown}");

  private final OciAuth auth;
  private final OciContent content;
  private final OciListings listings;
  private final OciErrors errors;

  public OciRoutes(
      OciCatalog catalog,
      FileDownloads downloads,
      Authenticator authenticator,
      RefusalAudit refusals,
      HttpMetrics metrics,
      ObjectMapper json) {
    this.auth = new OciAuth(authenticator, refusals, metrics);
    this.content = new OciContent(catalog, downloads);
    this.listings = new OciListings(catalog, json);
    this.errors = new OciErrors(json);
  }

  /** Routes {@code /v2} and everything under it; any other path goes on to the next route. */
  public void register(HttpRouting.Builder routing) {
    routing.route(method -> true, PathMatchers.prefix("/v2"), this::handle);
  }

  private void handle(ServerRequest req, ServerResponse res) throws IOException {
    String raw = req.path().rawPath();
    if (!raw.equals("/v2") && !raw.startsWith("/v2/")) {
      res.next();
      return;
    }
    RouteTemplates.remember(req, "/v2/{unknown}");
    try {
      OciPath path = OciPath.parse(raw);
      RouteTemplates.remember(req, TEMPLATES.get(path.endpoint()));
      res.header(OciErrors.API_VERSION, "registry/2.0");
      serve(req, res, path);
    } catch (OciError e) {
      errors.write(req, res, e);
    } catch (ApiException e) {
      Optional<OciError> translated = OciErrors.translate(e);
      if (translated.isEmpty()) {
        throw e;
      }
      errors.write(req, res, translated.get());
    }
  }

  private void serve(ServerRequest req, ServerResponse res, OciPath path) throws IOException {
    Method method = req.prologue().method();
    if (path.endpoint() == OciPath.Endpoint.TOKEN) {
      requireRead(method);
      auth.authenticate(req, OciAuth.BASIC_CHALLENGE);
      listings.token(res, auth.presented(req, OciAuth.BASIC_CHALLENGE).orElseThrow());
      return;
    }
    String scope = path.project() == null ? null : "repository:" + path.name() + ":pull";
    Principal caller = auth.authenticate(req, OciAuth.bearerChallenge(req, scope));
    requireRead(method);
    if (path.project() != null) {
      if (!caller.canSee(path.project())) {
        throw OciError.nameUnknown(path.name());
      }
      if (!caller.may(Role.READER)) {
        throw new OciError(
            403, "DENIED", "requested access to the resource is denied", "no role to read");
      }
    }
    switch (path.endpoint()) {
      case BASE -> listings.base(req, res);
      case MANIFEST -> content.manifest(req, res, path);
      case BLOB -> content.blob(req, res, path);
      case TAGS -> listings.tags(req, res, path);
      case REFERRERS -> listings.referrers(req, res, path);
      case BLOB_UPLOAD -> throw readOnly();
      case UNKNOWN, TOKEN ->
          throw new OciError(404, "UNSUPPORTED", "not supported", "no OCI endpoint at this path");
    }
  }

  /** GET and HEAD only: this registry is read only over OCI (publish through the API). */
  private static void requireRead(Method method) {
    if (!method.equals(Method.GET) && !method.equals(Method.HEAD)) {
      throw readOnly();
    }
  }

  private static OciError readOnly() {
    return OciError.unsupported(
            "this registry is read only over OCI: publish versions through /api/v1")
        .header(HeaderNames.ALLOW.defaultCase(), ALLOW);
  }
}
