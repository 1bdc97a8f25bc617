package dev.cairn.registry.http.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.registry.http.ProblemWriter;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import java.util.Locale;

/**
 * Answers the errors Helidon raises before routing (unparseable request line, oversized headers or
 * body, protocol violations) as problem+json too, so no answer of the server is plain text or
 * quotes the request back.
 */
public final class ProblemDirectHandler implements DirectHandler {

  private final ObjectMapper json;

  private ProblemDirectHandler(ObjectMapper json) {
    this.json = json;
  }

  public static DirectHandlers forAllEvents(ObjectMapper json) {
    ProblemDirectHandler handler = new ProblemDirectHandler(json);
    DirectHandlers.Builder builder = DirectHandlers.builder();
    for (EventType type : EventType.values()) {
      builder.addHandler(type, handler);
    }
    return builder.build();
  }

  @Override
  public TransportResponse handle(
      TransportRequest request,
      EventType eventType,
      Status status,
      ServerResponseHeaders headers,
      String message) {
    String code =
        switch (status.code()) {
          case 413 -> "PAYLOAD_TOO_LARGE";
          case 431 -> "HEADERS_TOO_LARGE";
          case 500 -> "INTERNAL";
          case 503 -> "UNAVAILABLE";
          default -> status.code() < 500 ? "BAD_REQUEST" : "INTERNAL";
        };
    ObjectNode body =
        ProblemWriter.document(
            json,
            status.code(),
            code,
            StrictFraming.explains(message)
                ? message
                : "the request could not be processed: "
                    + eventType.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    headers.set(HeaderNames.CONTENT_TYPE, ProblemWriter.PROBLEM_JSON);
    return TransportResponse.builder()
        .status(status)
        .headers(headers)
        .entity(body.toString())
        .build();
  }
}
