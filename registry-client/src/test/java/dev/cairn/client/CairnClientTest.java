package dev.cairn.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.cairn.client.model.ModelQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's side of the wire: what it sends and how it reads problem answers. */
class CairnClientTest {

  private HttpServer server;
  private final AtomicReference<String> lastRequest = new AtomicReference<>();
  private final AtomicReference<String> lastAuthorization = new AtomicReference<>();
  private volatile int status = 200;
  private volatile String answer = "{}";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          lastRequest.set(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getRawPath()
                  + (exchange.getRequestURI().getRawQuery() == null
                      ? ""
                      : "?" + exchange.getRequestURI().getRawQuery()));
          lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] body = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private CairnClient client() {
    return CairnClient.create(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "tok");
  }

  @Test
  void sendsBearerTokenAndEncodesFilters() {
    answer = "{\"items\":[],\"next_page_token\":null}";

    client()
        .models()
        .list(
            "qc",
            ModelQuery.all().withLabel("team", "risk ops").withNamePrefix("a&b").withLimit(5));

    assertThat(lastAuthorization.get()).isEqualTo("Bearer tok");
    assertThat(lastRequest.get())
        .isEqualTo("GET /api/v1/projects/qc/models?label=team%3Arisk%20ops&q=a%26b&limit=5");
  }

  @Test
  void turnsProblemJsonIntoApiExceptionWithExtraMembers() {
    status = 412;
    answer =
        "{\"type\":\"https://cairn.dev/problems/precondition-failed\",\"status\":412,"
            + "\"code\":\"PRECONDITION_FAILED\",\"detail\":\"generation is 7\",\"current\":7}";

    assertThatThrownBy(() -> client().models().get("qc", "m"))
        .isInstanceOfSatisfying(
            CairnApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(412);
              assertThat(e.code()).isEqualTo("PRECONDITION_FAILED");
              assertThat(e.detail()).isEqualTo("generation is 7");
              assertThat(e.member("current").orElseThrow().asInt()).isEqualTo(7);
            });
  }

  @Test
  void readsUnknownMembersWithoutFailing() {
    answer = "{\"name\":\"qc\",\"added_in_a_later_version\":true}";

    assertThat(client().projects().get("qc").name()).isEqualTo("qc");
  }

  @Test
  void reportsNotReadyOn503() {
    status = 503;
    answer = "{\"status\":\"DOWN\"}";

    assertThat(client().ready()).isFalse();
  }
}
