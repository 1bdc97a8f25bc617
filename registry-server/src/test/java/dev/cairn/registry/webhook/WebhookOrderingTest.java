package dev.cairn.registry.webhook;

import static dev.cairn.registry.webhook.WebhookFixture.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.model.AliasUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 30 item 4, the per-endpoint ordering README documents: arrival order is not promised
 * (attempts run in parallel, a retry does not hold back later events), but {@code data.audit_seq}
 * is, so a receiver that orders by it recovers the order the changes committed in, across a retry
 * in the middle.
 */
class WebhookOrderingTest {

  private static final int CHANGES = 30;
  private static WebhookFixture hooks;

  @BeforeAll
  static void start() {
    // Retries a second apart for longer than the 503 stretch can last on a slow machine, so no
    // event spends its schedule (FAILED) before the receiver answers 200 again.
    hooks =
        WebhookFixture.start(
            Map.of("CAIRN_WEBHOOK_RETRY_SECONDS", "0,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1"));
  }

  @AfterAll
  static void stop() {
    hooks.close();
  }

  @Test
  void orderingByAuditSeqGivesTheCommitOrderWhateverTheArrivalOrder() throws Exception {
    WebhookFixture.ProjectWithVersions p = hooks.projectWithTwoVersions("order");
    try (Receiver receiver = new Receiver()) {
      hooks.createWebhook(
          p.name(), receiver.url(), "[\"model_version_alias.created\"]", "standard");
      // The first answers of the middle third are 503: those events come back a second later,
      // after events committed behind them.
      for (int i = 0; i < CHANGES; i++) {
        receiver.answer.set(i >= CHANGES / 3 && i < 2 * CHANGES / 3 ? 503 : 200);
        hooks
            .admin
            .aliases()
            .put(p.name(), "m", "a" + i, AliasUpdate.version(p.version(i), "r" + i), null, null);
        // Paced: as many requests as changes so far before the next one commits.
        int sent = i + 1;
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.requests.size() >= sent);
      }
      receiver.answer.set(200);
      await().atMost(Duration.ofSeconds(15)).until(() -> delivered(receiver).size() == CHANGES);

      List<JsonNode> arrived = delivered(receiver);
      List<String> inArrivalOrder =
          arrived.stream().map(e -> e.at("/data/alias").asText()).toList();
      List<String> committed = IntStream.range(0, CHANGES).mapToObj(i -> "a" + i).toList();
      assertThat(inArrivalOrder).as("retried events arrive late").isNotEqualTo(committed);
      assertThat(
              arrived.stream()
                  .sorted(Comparator.comparingLong(e -> e.at("/data/audit_seq").asLong()))
                  .map(e -> e.at("/data/alias").asText())
                  .toList())
          .isEqualTo(committed);
    }
  }

  /** The bodies of the 2xx-answered requests, once per webhook-id, in arrival order. */
  private static List<JsonNode> delivered(Receiver receiver) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (Receiver.Received r : receiver.requests) {
      String id = r.header("webhook-id");
      if (r.answered() == 200 && !seen.contains(id)) {
        seen.add(id);
        out.add(JSON.readTree(r.body()));
      }
    }
    return out;
  }
}
