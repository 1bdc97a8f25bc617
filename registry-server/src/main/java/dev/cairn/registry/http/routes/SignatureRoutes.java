package dev.cairn.registry.http.routes;

import dev.cairn.registry.auth.Role;
import dev.cairn.registry.http.request.ApiRequest;
import dev.cairn.registry.http.request.RawBodies;
import dev.cairn.registry.http.request.Responses;
import dev.cairn.registry.signature.SignatureService;
import dev.cairn.registry.signature.StoredSignature;
import dev.cairn.signing.SignatureBundle;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.util.Set;

/**
 * {@code …/versions/{version}/signature}: publishers attach a {@code model.sig} (verified, then
 * immutable), readers get it back byte for byte.
 */
public final class SignatureRoutes implements RouteGroup {

  static final String SIGNATURE = ModelRoutes.MODEL + "/versions/{version}/signature";

  /** The media type of a Sigstore bundle v0.3, as the answer names it. */
  public static final String BUNDLE_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";

  private static final Set<String> ACCEPTED = Set.of("application/json", BUNDLE_TYPE);

  private final SignatureService signatures;
  private final Responses responses;

  public SignatureRoutes(SignatureService signatures, Responses responses) {
    this.signatures = signatures;
    this.responses = responses;
  }

  @Override
  public void routes(ApiRoutes routes) {
    routes.put(SIGNATURE, this::put).get(SIGNATURE, this::get);
  }

  private void put(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.PUBLISHER);
    String model = req.model();
    String version = req.version();
    byte[] bundle = RawBodies.read(req.raw(), SignatureBundle.DEFAULT_LIMIT, ACCEPTED);
    SignatureService.Outcome outcome = signatures.put(req.actor(), project, model, version, bundle);
    if (outcome.created()) {
      responses.created(
          res,
          "/api/v1/projects/"
              + project
              + "/models/"
              + model
              + "/versions/"
              + version
              + "/signature",
          outcome.signature());
    } else {
      responses.ok(res, outcome.signature());
    }
  }

  private void get(ApiRequest req, ServerResponse res) {
    String project = req.project();
    req.require(Role.READER);
    StoredSignature stored = signatures.get(project, req.model(), req.version());
    res.status(200);
    res.header(HeaderNames.CONTENT_TYPE, BUNDLE_TYPE);
    res.header(HeaderNames.ETAG, "\"" + stored.sha256() + "\"");
    res.send(stored.bundle());
  }
}
