package dev.cairn.registry.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Review 12 items 9, 12, 13 and 17 (first two bullets): one delivery is attempted by one claim at a
 * time, and an endpoint's backlog does not take every sending slot. Before: all of an endpoint's
 * due rows were claimed at once (and waited on its 8 connections while their leases ran), a late
 * attempt's outcome overwrote a newer claim's, redeliver cleared a live lease, a NUL in an answer
 * failed the record for ever, a test of a DISABLED endpoint was accepted and never attempted, and
 * the depth gauge read 0 while the database was away.
 */
class WebhookLeaseTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestRegistry registry;
  private static Http http;

  @BeforeAll
  static void start() {
    registry = TestRegistry.start(WebhookFixture.loopbackEnv("0,60"));
    http = registry.http();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void anEndpointHasAtMostItsConnectionCapOfAttemptsInFlight() throws Exception {
    try (HoldingReceiver slow = new HoldingReceiver();
        Receiver quick = new Receiver()) {
      String slowHook = webhook(project(), slow.url(), "ACTIVE");
      for (int i = 0; i < 20; i++) {
        test(slowHook);
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> slow.held.get() == 8);
      // Time for the worker to claim more, if it would.
      Thread.sleep(1500);
      assertThat(leased(slowHook)).as("rows leased for the slow endpoint").isEqualTo(8);
      assertThat(slow.mostHeld.get()).isEqualTo(WebhookSender.PER_ENDPOINT);
      // Another project's endpoint is not kept waiting behind that backlog.
      String quickHook = webhook(project(), quick.url(), "ACTIVE");
      test(quickHook);
      await().atMost(Duration.ofSeconds(5)).until(() -> quick.requests.size() == 1);
      slow.release();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> states(slowHook).stream().allMatch("DELIVERED"::equals));
      assertThat(slow.requests.get()).isEqualTo(20);
    }
  }

  @Test
  void anAttemptThatOutlivedItsLeaseDoesNotOverwriteTheNewerClaim() throws Exception {
    try (HoldingReceiver slow = new HoldingReceiver()) {
      String hook = webhook(project(), slow.url(), "ACTIVE");
      String delivery = test(hook);
      await().atMost(Duration.ofSeconds(5)).until(() -> slow.held.get() == 1);
      // As another replica does once the lease has ended: claim the row again.
      sql(
          "UPDATE webhook_deliveries SET attempts = attempts + 1,"
              + " lease_until = now() + interval '1 hour' WHERE id = CAST(? AS uuid)",
          delivery);
      slow.release();
      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  http.get("/metrics", null)
                      .body()
                      .contains(
                          "cairn_webhook_unrecorded_attempts_total{reason=\"superseded\"} 1"));
      JsonNode row = deliveries(hook).get(0);
      assertThat(row.get("state").asText()).as("the newer claim's to decide").isEqualTo("PENDING");
      assertThat(row.get("attempts")).isEmpty();
      assertThat(count("SELECT attempts FROM webhook_deliveries WHERE id = '" + delivery + "'"))
          .isEqualTo(2);
    }
  }

  @Test
  void redeliverOfADeliveryInFlightIsAConflictAndChangesNothing() throws Exception {
    try (HoldingReceiver slow = new HoldingReceiver()) {
      String hook = webhook(project(), slow.url(), "ACTIVE");
      String delivery = test(hook);
      await().atMost(Duration.ofSeconds(5)).until(() -> slow.held.get() == 1);
      String redeliver = hook + "/deliveries/" + delivery + "/redeliver";
      HttpResponse<String> res = http.post(redeliver, TestTokens.ADMIN, null);
      assertThat(res.statusCode()).as(res.body()).isEqualTo(409);
      assertThat(JSON.readTree(res.body()).get("code").asText())
          .isEqualTo("WEBHOOK_DELIVERY_IN_FLIGHT");
      assertThat(
              count(
                  "SELECT COUNT(*) FROM webhook_deliveries WHERE id = '"
                      + delivery
                      + "' AND lease_until > now()"))
          .as("the lease is kept")
          .isEqualTo(1);
      Thread.sleep(1500);
      assertThat(slow.requests.get()).as("no second attempt beside the first").isEqualTo(1);
      slow.release();
      await().atMost(Duration.ofSeconds(5)).until(() -> states(hook).equals(List.of("DELIVERED")));
      assertThat(http.post(redeliver, TestTokens.ADMIN, null).statusCode()).isEqualTo(202);
      await().atMost(Duration.ofSeconds(5)).until(() -> slow.requests.get() == 2);
    }
  }

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
          webhook(
              project(), "http://127.0.0.1:" + server.getAddress().getPort() + "/hook", "ACTIVE");
      test(hook);
      await().atMost(Duration.ofSeconds(5)).until(() -> states(hook).equals(List.of("DELIVERED")));
      JsonNode attempts = deliveries(hook).get(0).get("attempts");
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
      String hook = webhook(project(), receiver.url(), "DISABLED");
      HttpResponse<String> res = http.post(hook + "/test", TestTokens.ADMIN, null);
      assertThat(res.statusCode()).as(res.body()).isEqualTo(409);
      assertThat(JSON.readTree(res.body()).get("code").asText()).isEqualTo("WEBHOOK_DISABLED");
      assertThat(deliveries(hook)).isEmpty();
    }
  }

  @Test
  void theGaugesAreNaNWhileTheQueueCannotBeReadAndReadOncePerScrape() {
    AtomicInteger reads = new AtomicInteger();
    QueueDepth depth =
        new QueueDepth(
            () -> {
              reads.incrementAndGet();
              return new DeliveryQueue.Depth(3, 12.5);
            });
    // The two gauges of one scrape: one query.
    assertThat(depth.get().pending()).isEqualTo(3);
    assertThat(depth.get().oldestSeconds()).isEqualTo(12.5);
    assertThat(reads.get()).isEqualTo(1);
    QueueDepth away =
        new QueueDepth(
            () -> {
              throw new IllegalStateException("database unavailable");
            },
            Duration.ZERO);
    assertThat(away.get().pending()).isNaN();
    assertThat(away.get().oldestSeconds()).isNaN();
  }

  private static String project() {
    String project = TestRegistry.uniqueProject("hooks-lease");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    return project;
  }

  /** A new endpoint's path. */
  private static String webhook(String project, String url, String status) throws Exception {
    String webhooks = "/api/v1/projects/" + project + "/webhooks";
    HttpResponse<String> res =
        http.post(
            webhooks,
            TestTokens.ADMIN,
            "{\"url\":\"" + url + "\",\"events\":[\"*\"],\"status\":\"" + status + "\"}");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    return webhooks + "/" + JSON.readTree(res.body()).get("id").asText();
  }

  /** Queues a test delivery; its id. */
  private static String test(String hook) throws Exception {
    HttpResponse<String> res = http.post(hook + "/test", TestTokens.ADMIN, null);
    assertThat(res.statusCode()).as(res.body()).isEqualTo(202);
    return JSON.readTree(res.body()).get("delivery_id").asText();
  }

  private static List<JsonNode> deliveries(String hook) throws Exception {
    HttpResponse<String> res = http.get(hook + "/deliveries?limit=100", TestTokens.ADMIN);
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    JSON.readTree(res.body()).get("items").forEach(out::add);
    return out;
  }

  private static List<String> states(String hook) throws Exception {
    return deliveries(hook).stream().map(d -> d.get("state").asText()).toList();
  }

  private static long leased(String hook) throws Exception {
    String id = hook.substring(hook.lastIndexOf('/') + 1);
    return count(
        "SELECT COUNT(*) FROM webhook_deliveries WHERE endpoint_id = '"
            + id
            + "' AND state = 'PENDING' AND lease_until > now()");
  }

  private static long count(String query) throws Exception {
    try (Connection c = registry.sql();
        ResultSet rs = c.createStatement().executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void sql(String statement, String param) throws Exception {
    try (Connection c = registry.sql();
        PreparedStatement ps = c.prepareStatement(statement)) {
      ps.setString(1, param);
      ps.executeUpdate();
    }
  }
}
