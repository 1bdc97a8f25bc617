package dev.cairn.registry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.sse.EventStreamReader;
import dev.cairn.client.sse.EventStreamReader.Event;
import dev.cairn.client.sse.EventStreamReader.Frame;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a registry's Server-Sent Events stream through the client's one reader ({@link
 * EventStreamReader}), so a framing the client cannot read fails here too.
 */
public final class SseReader {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** One event: its id, type and data line. */
  public record Sse(long id, String type, String data) {}

  private SseReader() {}

  /** {@code count} events of {@code project}, resuming after {@code lastEventId}. */
  public static List<Sse> read(URI registry, String project, String lastEventId, int count)
      throws Exception {
    URI uri = URI.create(registry + "/api/v1/projects/" + project + "/events");
    return read(uri, count, Map.of("Last-Event-ID", lastEventId));
  }

  public static List<Sse> read(URI uri, int count) throws Exception {
    return read(uri, count, Map.of());
  }

  /** Reads {@code count} events, then drops the connection (as a crashing client would). */
  public static List<Sse> read(URI uri, int count, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + TestTokens.READER);
    headers.forEach(request::header);
    HttpResponse<InputStream> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
    List<Sse> events = new ArrayList<>();
    try (InputStream body = response.body();
        EventStreamReader reader = new EventStreamReader(body, 1 << 20)) {
      Optional<Frame> frame;
      while (events.size() < count && (frame = reader.next()).isPresent()) {
        if (frame.get() instanceof Event event) {
          events.add(new Sse(Long.parseLong(event.id().orElse("-1")), event.type(), event.data()));
        }
      }
    }
    return events;
  }
}
