package dev.cairn.registry.http.routes.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.http.RequestIds;
import dev.cairn.registry.oci.OciError;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * Writes refusals under {@code /v2/} in the distribution spec's error JSON, and translates the
 * registry's own 401/403/404/429 refusals into it. Other problems (an unreachable database, a blob
 * that fails its digest) stay the registry's problem+json, which OCI clients report by status. A
 * HEAD answer carries the status and headers only.
 */
final class OciErrors {

  static final String API_VERSION = "Docker-Distribution-API-Version";

  private final ObjectMapper json;

  OciErrors(ObjectMapper json) {
    this.json = json;
  }

  void write(ServerRequest req, ServerResponse res, OciError e) {
    if (res.isSent()) {
      return;
    }
    res.status(e.status());
    res.header(RequestIds.HEADER, RequestIds.of(req));
    res.header(API_VERSION, "registry/2.0");
    e.headers().forEach(res::header);
    if (req.prologue().method().equals(Method.HEAD)) {
      res.send();
      return;
    }
    ObjectNode body = json.createObjectNode();
    ObjectNode error = body.putArray("errors").addObject();
    error.put("code", e.code());
    error.put("message", e.getMessage());
    error.put("detail", e.detail());
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    try {
      res.send(json.writeValueAsBytes(body));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** The OCI form of a registry refusal, or empty for one that stays problem+json. */
  static Optional<OciError> translate(ApiException e) {
    String code =
        switch (e.status()) {
          case 401 -> "UNAUTHORIZED";
          case 403 -> "DENIED";
          case 404 -> "NAME_UNKNOWN";
          case 429 -> "TOOMANYREQUESTS";
          default -> null;
        };
    if (code == null) {
      return Optional.empty();
    }
    OciError translated = new OciError(e.status(), code, e.code(), e.detail());
    e.headers().forEach(translated::header);
    return Optional.of(translated);
  }
}
