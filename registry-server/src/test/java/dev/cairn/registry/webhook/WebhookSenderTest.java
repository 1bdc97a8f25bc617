package dev.cairn.registry.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import dev.cairn.registry.artifact.ReferenceAddresses;
import dev.cairn.registry.config.AddressRange;
import dev.cairn.registry.testing.EndlessAnswer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Review 12 items 1, 9 and 12 at the sender: an answer that never ends is not drained (HttpClient
 * reads the rest of a body on close), each attempt has a hard total deadline, the excerpt is text
 * PostgreSQL stores (no NUL), and an attempt waits only briefly for a pooled connection. Before:
 * {@code send} returned only when the receiver stopped sending, and kept NUL as it came.
 */
class WebhookSenderTest {

  private WebhookSender sender;

  @BeforeEach
  void sender() {
    sender =
        new WebhookSender(
            new ReferenceAddresses(List.of(AddressRange.parse("127.0.0.1/32")), false),
            Duration.ofSeconds(2));
  }

  @AfterEach
  void close() throws IOException {
    sender.close();
  }

  private static SignedRequest request() {
    return SignedRequest.sign(
        SignedRequest.STANDARD,
        new SignedRequest.Event(
            UUID.randomUUID().toString(),
            "webhook.test",
            Instant.now(),
            JsonNodeFactory.instance.objectNode().put("project", "p")),
        Instant.now(),
        WebhookSecret.generate(),
        Optional.empty());
  }

  @Test
  void anEndlessAnswerIsCutAfterTheExcerptNotDrained() throws IOException {
    try (EndlessAnswer endless = new EndlessAnswer("127.0.0.1", 200, 8192, Duration.ZERO);
        WebhookSender patient =
            new WebhookSender(
                new ReferenceAddresses(List.of(AddressRange.parse("127.0.0.1/32")), false),
                Duration.ofSeconds(20))) {
      long start = System.nanoTime();
      WebhookSender.Outcome outcome =
          patient.send("http://127.0.0.1:" + endless.port() + "/hook", request());
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      // A 200 (the deadline would have made it 0) well before the deadline: the connection was
      // aborted after the excerpt, not drained.
      assertThat(outcome.status()).isEqualTo(200);
      assertThat(outcome.excerpt()).hasSize(WebhookSender.EXCERPT_BYTES).startsWith("begin x");
      assertThat(took).isLessThan(Duration.ofSeconds(8));
      await().atMost(Duration.ofSeconds(5)).until(() -> endless.open() == 0);
      assertThat(endless.sent()).as("bytes the receiver got to send").isLessThan(16L << 20);
    }
  }

  @Test
  void aTricklingAnswerEndsAtTheDeadline() {
    // 1 byte every 100 ms: every per-read timeout is met, only the total deadline ends it.
    try (EndlessAnswer trickle = new EndlessAnswer("127.0.0.1", 200, 1, Duration.ofMillis(100))) {
      long start = System.nanoTime();
      WebhookSender.Outcome outcome =
          sender.send("http://127.0.0.1:" + trickle.port() + "/hook", request());
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(outcome.status()).isZero();
      assertThat(outcome.error()).isEqualTo("DeadlineExceeded");
      assertThat(took).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(4));
      await().atMost(Duration.ofSeconds(5)).until(() -> trickle.open() == 0);
    }
  }

  @Test
  void nulAndInvalidUtf8BecomeReplacementCharacters() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] body = {'o', 'k', 0, (byte) 0xC3, (byte) 0x28, 'x'};
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      WebhookSender.Outcome outcome =
          sender.send("http://127.0.0.1:" + server.getAddress().getPort() + "/hook", request());
      assertThat(outcome.status()).isEqualTo(200);
      assertThat(outcome.excerpt()).isEqualTo("ok\uFFFD\uFFFD(x").doesNotContain("\u0000");
      assertThat(WebhookSender.storable("ok\u0000".getBytes(StandardCharsets.UTF_8)))
          .isEqualTo("ok\uFFFD");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void theDeadlineAndTheConnectionWaitFitInsideTheLease() {
    assertThat(WebhookSender.CONNECTION_WAIT).isLessThan(WebhookSender.DEADLINE);
    assertThat(WebhookSender.DEADLINE.plusSeconds(10)).isLessThan(DeliveryQueue.LEASE);
  }
}
