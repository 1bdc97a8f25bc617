package dev.cairn.sidecar.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Writes JSON and problem+json answers with one shared mapper. */
public final class JsonResponses {

  static final HeaderName REQUEST_ID = HeaderNames.create("X-Request-Id");
  private static final String CONTEXT_KEY = "cairn.request-id";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final ObjectMapper json;

  /** The request's id: the caller's {@code X-Request-Id} when sane, else a new one, kept. */
  static String requestId(ServerRequest req) {
    return req.context()
        .get(CONTEXT_KEY, String.class)
        .orElseGet(
            () -> {
              String id =
                  req.headers()
                      .first(REQUEST_ID)
                      .filter(v -> SANE.matcher(v).matches())
                      .orElseGet(() -> UUID.randomUUID().toString());
              req.context().register(CONTEXT_KEY, id);
              return id;
            });
  }

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

  /** The registry's problem shape: type and title from the code, and the request id. */
  public void problem(ServerRequest req, ServerResponse res, Problem problem) {
    String base = problem.code().split(":", 2)[0];
    String words = base.toLowerCase(Locale.ROOT).replace('_', ' ');
    ObjectNode body =
        json.createObjectNode()
            .put("type", "https://cairn.dev/problems/" + words.replace(' ', '-'))
            .put("title", Character.toUpperCase(words.charAt(0)) + words.substring(1))
            .put("status", problem.status())
            .put("code", problem.code())
            .put("detail", problem.getMessage())
            .put("instance", req.path().path())
            .put("request_id", requestId(req));
    try {
      // Helidon resets the response before error handlers run: the id is set again.
      res.header(REQUEST_ID, requestId(req));
      res.status(Status.create(problem.status()));
      if (problem.retryAfterSeconds() > 0) {
        res.header(HeaderNames.RETRY_AFTER, Integer.toString(problem.retryAfterSeconds()));
      }
      res.header(HeaderNames.CONTENT_TYPE, "application/problem+json");
      res.send(json.writeValueAsBytes(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
