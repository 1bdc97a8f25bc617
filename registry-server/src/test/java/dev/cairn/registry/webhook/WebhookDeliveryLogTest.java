package dev.cairn.registry.webhook;

import static dev.cairn.registry.webhook.WebhookFixture.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.cairn.registry.testing.TestTokens;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Review 12 items 9 and 17 (first bullet), what reaches an endpoint's delivery log: an answer with
 * a NUL in it is stored with the NUL replaced and the delivery ends, and a test of a DISABLED
 * endpoint is refused and puts nothing in it. Before: a NUL in an answer failed the record for
 * ever, and a test of a DISABLED endpoint was accepted and never attempted. One claim at a time is
 * {@link WebhookLeaseTest}, the depth gauges {@link QueueDepthTest}.
 */
class WebhookDeliveryLogTest extends SlowRetryHooks {

  @Test
  void aNulInTheAnswerIsStoredReplacedAndTheDeliveryEnds() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicInteger hits = new AtomicInteger();
    server.createContext(
        "/",
        exchange -> {
          hits.incrementAndGet();
          exchange.getRequestBody().readAllBytes();
          byte[] body = "ok\u0000".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String hook =
          hooks.endpoint(
              project(), "http://127.0.0.1:" + server.getAddress().getPort() + "/hook", "ACTIVE");
      hooks.queueTest(hook);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> hooks.states(hook).equals(List.of("DELIVERED")));
      JsonNode attempts = hooks.deliveries(hook).get(0).get("attempts");
      assertThat(attempts).hasSize(1);
      assertThat(attempts.get(0).get("response_excerpt").asText()).isEqualTo("ok\uFFFD");
      assertThat(hits.get()).isEqualTo(1);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aTestOfADisabledEndpointIsAConflict() throws Exception {
    try (Receiver receiver = new Receiver()) {
      String hook = hooks.endpoint(project(), receiver.url(), "DISABLED");
      HttpResponse<String> res = hooks.http.post(hook + "/test", TestTokens.ADMIN, null);
      assertThat(res.statusCode()).as(res.body()).isEqualTo(409);
      assertThat(JSON.readTree(res.body()).get("code").asText()).isEqualTo("WEBHOOK_DISABLED");
      assertThat(hooks.deliveries(hook)).isEmpty();
    }
  }

  private String project() {
    return hooks.project("hooks-log");
  }
}
