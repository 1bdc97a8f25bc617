package dev.cairn.registry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.mlflow.MlflowErrorCodes;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Writes failures on the MLflow-compatible surface ({@code /api/2.0/mlflow/…} and {@code
 * /api/2.0/mlflow-artifacts/…}) as MLflow's error JSON, {@code {"error_code": …, "message": …}}, so
 * that MLflow clients read them as they read MLflow's own; every other path keeps problem+json.
 * Status and headers (Retry-After, WWW-Authenticate, Allow) are the native ones.
 */
public final class MlflowErrors {

  /** Both MLflow prefixes start with this. */
  public static final String PREFIX = "/api/2.0/mlflow";

  private static final String HINT =
      " Cairn answers MLflow's model-registry reads, alias writes, model-versions/create from"
          + " an http(s) or s3 source with a pinned digest, and its artifact downloads (README,"
          + " \"Using MLflow clients\"); otherwise create and change versions with the Cairn API"
          + " (/api/v1) or the cairn CLI.";

  private MlflowErrors() {}

  public static boolean applies(ServerRequest req) {
    return req.path().rawPath().startsWith(PREFIX);
  }

  static void write(ObjectMapper json, ServerRequest req, ServerResponse res, ApiException e) {
    String code = MlflowErrorCodes.of(e.status(), e.code());
    ObjectNode body = json.createObjectNode();
    body.put("error_code", code);
    body.put(
        "message",
        code.equals(MlflowErrorCodes.ENDPOINT_NOT_FOUND) ? e.detail() + "." + HINT : e.detail());
    body.put("request_id", RequestIds.of(req));
    res.header(RequestIds.HEADER, RequestIds.of(req));
    e.headers().forEach(res::header);
    res.status(e.status());
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    try {
      res.send(json.writeValueAsBytes(body));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
