package dev.cairn.registry.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.registry.domain.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Locale;

/**
 * Writes an {@link ApiException} as an RFC 9457 problem+json answer, or on the MLflow-compatible
 * surface as MLflow's error JSON ({@link MlflowErrors}).
 */
public final class ProblemWriter {

  public static final String PROBLEM_JSON = "application/problem+json";

  private final ObjectMapper json;

  public ProblemWriter(ObjectMapper json) {
    this.json = json;
  }

  public void write(ServerRequest req, ServerResponse res, ApiException e) {
    if (res.isSent()) {
      return;
    }
    if (MlflowErrors.applies(req)) {
      MlflowErrors.write(json, req, res, e);
      return;
    }
    ObjectNode body = document(json, e.status(), e.code(), e.detail());
    body.put("instance", req.path().rawPath());
    body.put("request_id", RequestIds.of(req));
    e.members().forEach((name, value) -> body.set(name, json.valueToTree(value)));
    // Helidon resets the response before error handlers run: the request id is set again here.
    res.header(RequestIds.HEADER, RequestIds.of(req));
    e.headers().forEach(res::header);
    res.status(e.status());
    res.header(HeaderNames.CONTENT_TYPE, PROBLEM_JSON);
    try {
      res.send(json.writeValueAsBytes(body));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** The members every Cairn problem has: type and title derived from the stable code. */
  public static ObjectNode document(ObjectMapper json, int status, String code, String detail) {
    String baseCode = code.split(":", 2)[0];
    ObjectNode body = json.createObjectNode();
    body.put(
        "type",
        "https://cairn.dev/problems/" + baseCode.toLowerCase(Locale.ROOT).replace('_', '-'));
    body.put("title", title(baseCode));
    body.put("status", status);
    body.put("code", code);
    body.put("detail", detail);
    return body;
  }

  /** {@code MODEL_NOT_FOUND} → {@code Model not found}. */
  static String title(String baseCode) {
    String words = baseCode.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
