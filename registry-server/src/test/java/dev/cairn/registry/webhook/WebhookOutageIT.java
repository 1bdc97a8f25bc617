package dev.cairn.registry.webhook;

import static dev.cairn.registry.webhook.WebhookFixture.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.model.AliasUpdate;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 30, must show: a receiver down for 30 s of real time while alias changes keep coming gets
 * every event after it returns, and deduplicating by {@code webhook-id} gives exactly the events
 * that happened: a retried event arrives (at least once) under its one id, never under a second.
 * The retry schedule is a second apart, so attempts keep landing inside the window and the first
 * one after the receiver returns comes within about a second.
 */
class WebhookOutageIT {

  private static final Duration OUTAGE = Duration.ofSeconds(30);
  private static final int CHANGES = 24;
  private static WebhookFixture hooks;

  @BeforeAll
  static void start() {
    // The most attempts the setting takes (50), a second apart: the schedule outlasts the outage.
    hooks = WebhookFixture.start(Map.of("CAIRN_WEBHOOK_RETRY_SECONDS", "0" + ",1".repeat(49)));
  }

  @AfterAll
  static void stop() {
    hooks.close();
  }

  @Test
  void aReceiverDownForThirtySecondsGetsEveryEventOnceItIsBack() throws Exception {
    WebhookFixture.ProjectWithVersions p = hooks.projectWithTwoVersions("outage");
    WebhookFixture.DownEndpoint gone = hooks.aliasEndpointWithItsReceiverDown(p.name());
    int port = gone.port();
    String hookId = gone.hookId();
    long downSince = System.nanoTime();
    // Changes spread over the outage, each paced by its own first attempt failing.
    for (int i = 0; i < CHANGES; i++) {
      hooks
          .admin
          .aliases()
          .put(
              p.name(), "m", "a" + (i % 3), AliasUpdate.version(p.version(i), "r" + i), null, null);
      int made = i + 1;
      await()
          .pollDelay(Duration.ofMillis(1000))
          .atMost(Duration.ofSeconds(10))
          .until(() -> failedOnce(p.name(), hookId) == made);
    }
    Duration left = OUTAGE.minus(Duration.ofNanos(System.nanoTime() - downSince));
    await()
        .pollDelay(left.isNegative() ? Duration.ZERO : left)
        .atMost(left.plusSeconds(10))
        .until(() -> delivered(p.name(), hookId) == 0);
    Duration down = Duration.ofNanos(System.nanoTime() - downSince);
    assertThat(down).isGreaterThanOrEqualTo(OUTAGE);
    // The first change kept being retried through the window: an attempt about every second.
    int oldestAttempts = hooks.deliveries(p.name(), hookId).getLast().get("attempts").size();
    assertThat(oldestAttempts).isGreaterThanOrEqualTo(10);

    try (Receiver back = new Receiver(port)) {
      long backAt = System.nanoTime();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> WebhookFixture.distinctIds(back).size() >= CHANGES);
      long lastMillis =
          (back.requests.stream().mapToLong(Receiver.Received::arrivedNanos).max().orElseThrow()
                  - backAt)
              / 1_000_000;
      System.out.printf(
          "receiver down %d s, %d alias changes meanwhile (oldest attempted %d times);"
              + " all %d events back within %d ms, %d requests%n",
          down.toSeconds(), CHANGES, oldestAttempts, CHANGES, lastMillis, back.requests.size());
      await().atMost(Duration.ofSeconds(10)).until(() -> delivered(p.name(), hookId) == CHANGES);

      // Deduplicated by webhook-id, the receiver holds each event exactly once: one id per
      // event (audit row), and every copy of an id the same event.
      Map<String, Set<Long>> eventsById =
          back.requests.stream()
              .collect(
                  Collectors.groupingBy(
                      r -> r.header("webhook-id"),
                      Collectors.mapping(WebhookOutageIT::auditSeq, Collectors.toSet())));
      assertThat(eventsById).hasSize(CHANGES);
      assertThat(eventsById.values()).allMatch(seqs -> seqs.size() == 1);
      Set<Long> events = new HashSet<>();
      eventsById.values().forEach(events::addAll);
      assertThat(events).hasSize(CHANGES);
      Set<String> logged =
          hooks.deliveries(p.name(), hookId).stream()
              .map(d -> d.get("id").asText())
              .collect(Collectors.toSet());
      assertThat(eventsById.keySet()).isEqualTo(logged);
    }
  }

  private static long auditSeq(Receiver.Received r) {
    try {
      return JSON.readTree(r.body()).at("/data/audit_seq").asLong();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Deliveries whose first attempt has failed and none has succeeded. */
  private static long failedOnce(String project, String hookId) throws Exception {
    List<JsonNode> log = hooks.deliveries(project, hookId);
    return log.stream()
        .filter(d -> d.get("state").asText().equals("PENDING"))
        .filter(d -> d.get("attempts").size() >= 1)
        .count();
  }

  private static long delivered(String project, String hookId) throws Exception {
    return hooks.deliveries(project, hookId).stream()
        .filter(d -> d.get("state").asText().equals("DELIVERED"))
        .count();
  }
}
