package dev.cairn.registry.webhook;

import static dev.cairn.registry.webhook.WebhookFixture.JSON;
import static dev.cairn.registry.webhook.WebhookFixture.distinctIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.registry.testing.TestTokens;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 30 item 4, what happens when a receiver does not answer 2xx: a receiver that was down
 * briefly gets every event once it is back, no webhook-id counted twice (the 30 s outage of the
 * must-show is {@code WebhookOutageIT}); {@code Retry-After} sets the next attempt and {@code 410}
 * disables the endpoint.
 */
class WebhookRetryTest {

  private static WebhookFixture hooks;

  @BeforeAll
  static void start() {
    // Attempts a second apart, enough of them to outlast the short outage below.
    hooks =
        WebhookFixture.start(
            Map.of("CAIRN_WEBHOOK_RETRY_SECONDS", "0,1,1,1,1,1,1,1,1,1,1,1,1,1,1"));
  }

  @AfterAll
  static void stop() {
    hooks.close();
  }

  @Test
  void aReceiverThatWasDownGetsEveryEventOnceItIsBack() throws Exception {
    WebhookFixture.ProjectWithVersions p = hooks.projectWithTwoVersions("hooks");
    WebhookFixture.DownEndpoint gone = hooks.aliasEndpointWithItsReceiverDown(p.name());
    int port = gone.port();
    String hookId = gone.hookId();
    for (int i = 0; i < 10; i++) {
      hooks
          .admin
          .aliases()
          .put(p.name(), "m", "down", AliasUpdate.version(p.version(i), "r" + i), null, null);
    }
    // Down for 4 s: every attempt meanwhile finds the port closed.
    await()
        .pollDelay(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                hooks.deliveries(p.name(), hookId).stream()
                    .allMatch(d -> d.at("/attempts").size() >= 1));
    try (Receiver back = new Receiver(port)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> distinctIds(back).size() >= 10);
      assertThat(distinctIds(back)).hasSize(10);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  hooks.deliveries(p.name(), hookId).stream()
                      .allMatch(d -> d.get("state").asText().equals("DELIVERED")));
      for (JsonNode d : hooks.deliveries(p.name(), hookId)) {
        assertThat(d.get("attempts").size()).isGreaterThan(1);
        assertThat(d.at("/attempts/0/status_code").asInt()).isEqualTo(200);
        assertThat(d.at("/attempts/1/error").asText()).isNotEmpty();
      }
    }
  }

  @Test
  void goneDisablesTheEndpointAndRetryAfterIsHonoured() throws Exception {
    WebhookFixture.ProjectWithVersions p = hooks.projectWithTwoVersions("hooks");
    try (Receiver receiver = new Receiver()) {
      receiver.answer.set(503);
      receiver.answerHeaders.put("Retry-After", "3");
      String hookId =
          hooks
              .createWebhook(
                  p.name(), receiver.url(), "[\"model_version_alias.created\"]", "standard")
              .get("id")
              .asText();
      hooks
          .admin
          .aliases()
          .put(p.name(), "m", "ra", AliasUpdate.version(p.version(0), "r"), null, null);
      await().atMost(Duration.ofSeconds(5)).until(() -> receiver.requests.size() == 1);
      receiver.answer.set(410);
      await().atMost(Duration.ofSeconds(10)).until(() -> receiver.requests.size() == 2);
      long gap = receiver.requests.get(1).arrivedNanos() - receiver.requests.get(0).arrivedNanos();
      assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
      String endpoint = "/api/v1/projects/" + p.name() + "/webhooks/" + hookId;
      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  JSON.readTree(hooks.http.get(endpoint, TestTokens.ADMIN).body())
                      .get("status")
                      .asText()
                      .equals("DISABLED"));
      assertThat(hooks.deliveries(p.name(), hookId).get(0).get("state").asText())
          .isEqualTo("FAILED");
      // A disabled endpoint gets no new deliveries.
      hooks
          .admin
          .aliases()
          .put(p.name(), "m", "rb", AliasUpdate.version(p.version(0), "r"), null, null);
      assertThat(hooks.deliveries(p.name(), hookId)).hasSize(1);
    }
  }
}
