package dev.cairn.sidecar.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes JSON and problem+json answers with one shared mapper. */
public final class JsonResponses {

  private final ObjectMapper json;

  public JsonResponses(ObjectMapper json) {
    this.json = json;
  }

  public ObjectMapper json() {
    return json;
  }

  public void send(ServerResponse res, int status, Object body) {
    try {
      byte[] bytes = json.writeValueAsBytes(body);
      res.status(Status.create(status));
      res.header(HeaderNames.CONTENT_TYPE, "application/json");
      res.send(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void problem(ServerRequest req, ServerResponse res, Problem problem) {
    ObjectNode body =
        json.createObjectNode()
            .put("type", "about:blank")
            .put("title", problem.code())
            .put("status", problem.status())
            .put("code", problem.code())
            .put("detail", problem.getMessage())
            .put("instance", req.path().path());
    try {
      res.status(Status.create(problem.status()));
      res.header(HeaderNames.CONTENT_TYPE, "application/problem+json");
      res.send(json.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
