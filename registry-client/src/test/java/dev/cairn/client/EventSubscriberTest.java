package dev.cairn.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.cairn.client.model.RegistryEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The subscriber reconnects after a dropped stream and resumes from its last event id. */
class EventSubscriberTest {

  @Test
  void reconnectsAndResumesWithLastEventId() throws IOException {
    List<String> resumeHeaders = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v1/projects/qc/events",
        exchange -> {
          String lastId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
          resumeHeaders.add(String.valueOf(lastId));
          exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            // First connection: events 1 and 2, then the stream drops. Second: event 3 only
            // if the client resumed after 2 (a server replays what comes after Last-Event-ID).
            String body =
                "0".equals(lastId)
                    ? event(1) + ": heartbeat\n\n" + event(2)
                    : "2".equals(lastId) ? event(3) : event(99);
            out.write(body.getBytes(StandardCharsets.UTF_8));
          }
        });
    server.start();
    List<RegistryEvent> received = new CopyOnWriteArrayList<>();
    try (EventSubscriber subscriber =
        EventSubscriber.start(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
            "t",
            "qc",
            List.of(),
            0,
            received::add)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 3);

      assertThat(received).extracting(RegistryEvent::id).startsWith(1L, 2L, 3L);
      assertThat(received.get(2).data().get("n").asInt()).isEqualTo(3);
      assertThat(resumeHeaders).startsWith("0", "2");
      assertThat(subscriber.lastEventId()).isGreaterThanOrEqualTo(3);
    } finally {
      server.stop(0);
    }
  }

  /** The subscriber reads through the shared reader: CRLF ends, comments, an event without id. */
  @Test
  void readsCrLfFramingAndSkipsEventsWithoutId() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v1/projects/qc/events",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            String body =
                ": heartbeat 15 s\r\n\r\n"
                    + "event: alias.updated\r\ndata: {\"n\":0}\r\n\r\n"
                    + "id: 4\r\nevent: alias.updated\r\ndata: {\"n\":\r\ndata: 4}\r\n\r\n";
            out.write(body.getBytes(StandardCharsets.UTF_8));
          }
        });
    server.start();
    List<RegistryEvent> received = new CopyOnWriteArrayList<>();
    try (EventSubscriber subscriber =
        EventSubscriber.start(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
            "t",
            "qc",
            List.of(),
            0,
            received::add)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());

      assertThat(received.get(0).id()).isEqualTo(4L);
      assertThat(received.get(0).type()).isEqualTo("alias.updated");
      assertThat(received.get(0).data().get("n").asInt()).isEqualTo(4);
      assertThat(subscriber.lastEventId()).isEqualTo(4);
    } finally {
      server.stop(0);
    }
  }

  private static String event(long id) {
    return "id: " + id + "\nevent: alias.updated\ndata: {\"n\":" + id + "}\n\n";
  }
}
