package dev.cairn.registry.hostile;

import static dev.cairn.registry.hostile.HostileJson.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.EndlessAnswer;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Review 12 items 1 and 8: what a hostile receiver, or a reader of the audit log, gets out of a
 * webhook. Before: an answer that never ended held the attempt (closing the body drained it) past
 * its lease, so the row was sent again beside it; and every READER read the full target URL — where
 * Slack-style receivers keep their credential — from the audit rows of WEBHOOK_CREATE and
 * WEBHOOK_UPDATE. Now the attempt ends after the 4 KiB excerpt, and the audit rows carry the target
 * as scheme://host[:port] plus its SHA-256.
 */
class WebhookReceiverHostileTest {

  private static TestRegistry registry;
  private static Http http;

  @BeforeAll
  static void start() {
    registry =
        TestRegistry.start(
            Map.of(
                "CAIRN_WEBHOOK_ALLOW_HTTP", "true",
                "CAIRN_WEBHOOK_ALLOW_CIDRS", "127.0.0.1/32",
                "CAIRN_WEBHOOK_RETRY_SECONDS", "0,60"));
    http = registry.http();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  private static String project() {
    String project = TestRegistry.uniqueProject("hooks-receiver");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    return project;
  }

  private static String webhook(String project, String url) {
    String webhooks = "/api/v1/projects/" + project + "/webhooks";
    HttpResponse<String> res =
        http.post(webhooks, TestTokens.ADMIN, "{\"url\":\"" + url + "\",\"events\":[\"*\"]}");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    return webhooks + "/" + parse(res.body()).get("id").asText();
  }

  @Test
  void anEndlessAnswerEndsTheAttemptAfterTheExcerpt() {
    try (EndlessAnswer endless = new EndlessAnswer("127.0.0.1", 200, 8192, Duration.ZERO)) {
      String hook = webhook(project(), "http://127.0.0.1:" + endless.port() + "/hook");
      HttpResponse<String> test = http.post(hook + "/test", TestTokens.ADMIN, null);
      assertThat(test.statusCode()).as(test.body()).isEqualTo(202);
      // Well inside the 30 s deadline: the excerpt is read, the connection aborted.
      await().atMost(Duration.ofSeconds(10)).until(() -> delivered(hook));
      List<JsonNode> attempts = attempts(hook);
      assertThat(attempts).hasSize(1);
      assertThat(attempts.get(0).get("status_code").asInt()).isEqualTo(200);
      assertThat(attempts.get(0).get("response_excerpt").asText().length()).isEqualTo(4096);
      await().atMost(Duration.ofSeconds(5)).until(() -> endless.open() == 0);
      assertThat(endless.requests()).as("sent once, not again beside a stuck attempt").isOne();
      assertThat(endless.sent()).as("bytes the receiver got to send").isLessThan(16L << 20);
    }
  }

  @Test
  void aReadersAuditPageHasNoWebhookPathOrQuery() {
    String project = project();
    String secretPath = "/services/T0001/B0002/s3cretPathPart";
    String hook =
        webhook(project, "http://127.0.0.1:9/" + secretPath.substring(1) + "?tok=q5ecret");
    HttpResponse<String> patched =
        http.patch(
            hook,
            TestTokens.ADMIN,
            "{\"url\":\"http://127.0.0.1:9/services/T0001/B0002/n3wSecret?tok=n3wq\","
                + "\"status\":\"DISABLED\"}");
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    http.delete(hook, TestTokens.ADMIN);

    String audit = "/api/v1/projects/" + project + "/audit";
    HttpResponse<String> page = http.get(audit, TestTokens.READER);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    HttpResponse<String> export =
        http.send("GET", audit, TestTokens.READER, null, Map.of("Accept", "application/x-ndjson"));
    assertThat(export.statusCode()).isEqualTo(200);
    for (String body : List.of(page.body(), export.body())) {
      assertThat(body)
          .contains("WEBHOOK_CREATE", "WEBHOOK_UPDATE", "WEBHOOK_DELETE", "url_sha256")
          .contains("\"url\":\"http://127.0.0.1:9\"")
          .doesNotContain("services", "T0001", "s3cretPathPart", "q5ecret", "n3wSecret", "tok=");
    }
    // The digests still tell the two targets apart.
    List<String> digests = new ArrayList<>();
    parse(page.body())
        .get("items")
        .forEach(
            row -> {
              for (String side : new String[] {"before", "after"}) {
                JsonNode url = row.path(side).path("url_sha256");
                if (!url.isMissingNode() && !digests.contains(url.asText())) {
                  digests.add(url.asText());
                }
              }
            });
    assertThat(digests).hasSize(2);
  }

  private static boolean delivered(String hook) {
    JsonNode items = parse(http.get(hook + "/deliveries", TestTokens.ADMIN).body()).get("items");
    return !items.isEmpty() && items.get(0).get("state").asText().equals("DELIVERED");
  }

  private static List<JsonNode> attempts(String hook) {
    JsonNode items = parse(http.get(hook + "/deliveries", TestTokens.ADMIN).body()).get("items");
    List<JsonNode> out = new ArrayList<>();
    items.get(0).get("attempts").forEach(out::add);
    return out;
  }
}
