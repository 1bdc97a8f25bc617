package dev.cairn.registry.webhook;

import static dev.cairn.registry.webhook.WebhookFixture.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.registry.testing.TestTokens;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Review 12 items 12 and 13, and item 1's "record only for the lease it claimed": one delivery is
 * attempted by one claim at a time, and an endpoint's backlog does not take every sending slot.
 * Before: all of an endpoint's due rows were claimed at once (and waited on its 8 connections while
 * their leases ran), a late attempt's outcome overwrote a newer claim's, and redeliver cleared a
 * live lease. What reaches the delivery log is {@link WebhookDeliveryLogTest}, the depth gauges
 * {@link QueueDepthTest}.
 */
class WebhookLeaseTest extends SlowRetryHooks {

  @Test
  void anEndpointHasAtMostItsConnectionCapOfAttemptsInFlight() throws Exception {
    try (HoldingReceiver slow = new HoldingReceiver();
        Receiver quick = new Receiver()) {
      String slowHook = hooks.endpoint(project(), slow.url(), "ACTIVE");
      for (int i = 0; i < 20; i++) {
        hooks.queueTest(slowHook);
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> slow.held.get() == 8);
      // Time for the worker to claim more, if it would.
      Thread.sleep(1500);
      assertThat(leased(slowHook)).as("rows leased for the slow endpoint").isEqualTo(8);
      assertThat(slow.mostHeld.get()).isEqualTo(WebhookSender.PER_ENDPOINT);
      // Another project's endpoint is not kept waiting behind that backlog.
      String quickHook = hooks.endpoint(project(), quick.url(), "ACTIVE");
      hooks.queueTest(quickHook);
      await().atMost(Duration.ofSeconds(5)).until(() -> quick.requests.size() == 1);
      slow.release();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> hooks.states(slowHook).stream().allMatch("DELIVERED"::equals));
      assertThat(slow.requests.get()).isEqualTo(20);
    }
  }

  @Test
  void anAttemptThatOutlivedItsLeaseDoesNotOverwriteTheNewerClaim() throws Exception {
    try (HoldingReceiver slow = new HoldingReceiver()) {
      String hook = hooks.endpoint(project(), slow.url(), "ACTIVE");
      String delivery = heldInFlight(slow, hook);
      // As another replica does once the lease has ended: claim the row again.
      sql(
          "UPDATE webhook_deliveries SET attempts = attempts + 1,"
              + " lease_until = now() + interval '1 hour' WHERE id = CAST(? AS uuid)",
          delivery);
      slow.release();
      hooks.awaitMetrics(
          m -> m.contains("cairn_webhook_unrecorded_attempts_total{reason=\"superseded\"} 1"));
      JsonNode row = hooks.deliveries(hook).get(0);
      assertThat(row.get("state").asText()).as("the newer claim's to decide").isEqualTo("PENDING");
      assertThat(row.get("attempts")).isEmpty();
      assertThat(count("SELECT attempts FROM webhook_deliveries WHERE id = '" + delivery + "'"))
          .isEqualTo(2);
    }
  }

  @Test
  void redeliverOfADeliveryInFlightIsAConflictAndChangesNothing() throws Exception {
    try (HoldingReceiver slow = new HoldingReceiver()) {
      String hook = hooks.endpoint(project(), slow.url(), "ACTIVE");
      String delivery = heldInFlight(slow, hook);
      String redeliver = hook + "/deliveries/" + delivery + "/redeliver";
      HttpResponse<String> res = hooks.http.post(redeliver, TestTokens.ADMIN, null);
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
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> hooks.states(hook).equals(List.of("DELIVERED")));
      assertThat(hooks.http.post(redeliver, TestTokens.ADMIN, null).statusCode()).isEqualTo(202);
      await().atMost(Duration.ofSeconds(5)).until(() -> slow.requests.get() == 2);
    }
  }

  /** Queues a test delivery of {@code hook} and waits until {@code slow} holds its attempt open. */
  private String heldInFlight(HoldingReceiver slow, String hook) throws Exception {
    String delivery = hooks.queueTest(hook);
    await().atMost(Duration.ofSeconds(5)).until(() -> slow.held.get() == 1);
    return delivery;
  }

  private String project() {
    return hooks.project("hooks-lease");
  }

  private long leased(String hook) throws Exception {
    String id = hook.substring(hook.lastIndexOf('/') + 1);
    return count(
        "SELECT COUNT(*) FROM webhook_deliveries WHERE endpoint_id = '"
            + id
            + "' AND state = 'PENDING' AND lease_until > now()");
  }

  private long count(String query) throws Exception {
    try (Connection c = hooks.registry.sql();
        ResultSet rs = c.createStatement().executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void sql(String statement, String param) throws Exception {
    try (Connection c = hooks.registry.sql();
        PreparedStatement ps = c.prepareStatement(statement)) {
      ps.setString(1, param);
      ps.executeUpdate();
    }
  }
}
