package dev.cairn.registry.hostile;

import static dev.cairn.registry.hostile.HostileJson.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 30: the webhook endpoints' hostile input apart from the target address — event names that
 * are checked and never echoed, oversize bodies, unknown members, bad formats and ids, all
 * problem+json. Where a webhook may POST is {@link WebhookHostileTest}'s. This registry allows
 * plain http to 127.0.0.2/32, so a target that passes its own checks leaves the body's to decide.
 */
class WebhookInputHostileTest {

  private static TestRegistry registry;
  private static Http http;
  private static String webhooks;

  @BeforeAll
  static void start() {
    registry =
        TestRegistry.start(
            Map.of(
                "CAIRN_WEBHOOK_ALLOW_HTTP", "true",
                "CAIRN_WEBHOOK_ALLOW_CIDRS", "127.0.0.2/32"));
    http = registry.http();
    String project = TestRegistry.uniqueProject("hooks-input");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    webhooks = "/api/v1/projects/" + project + "/webhooks";
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  private static String create(String url, String events) {
    return "{\"url\":\"" + url + "\",\"events\":" + events + "}";
  }

  @Test
  void badEventNamesAreRefusedWithoutEcho() {
    for (String events :
        new String[] {
          "[]",
          "[\"unknown.created\"]",
          "[\"model_version.created; DROP TABLE\"]",
          "[\"*.*\"]",
          "[\"model_version.\\u202ecreated\"]",
          "[\"model_version.Created\"]",
          "[null]",
          "[\"" + "a".repeat(5000) + ".created\"]",
          "[" + "\"model_version.created\",".repeat(40) + "\"*\"]"
        }) {
      var res = http.post(webhooks, TestTokens.ADMIN, create("http://127.0.0.2:9/hook", events));
      JsonNode problem = assertProblem(res, 400, "BAD_REQUEST");
      assertThat(problem.toString()).as(events).doesNotContain("DROP", "unknown", "aaaa");
    }
  }

  @Test
  void oversizeBodiesUnknownMembersAndBadIdsAreProblems() {
    String huge =
        "{\"url\":\"http://127.0.0.2:9/hook\",\"events\":[\"*\"],\"description\":\""
            + "d".repeat(2 * 1024 * 1024)
            + "\"}";
    assertThat(http.post(webhooks, TestTokens.ADMIN, huge).statusCode()).isEqualTo(413);
    var longDescription =
        http.post(
            webhooks,
            TestTokens.ADMIN,
            "{\"url\":\"http://127.0.0.2:9/hook\",\"events\":[\"*\"],\"description\":\""
                + "d".repeat(5000)
                + "\"}");
    assertProblem(longDescription, 400, "BAD_REQUEST");
    var unknown =
        http.post(
            webhooks,
            TestTokens.ADMIN,
            "{\"url\":\"http://127.0.0.2:9/hook\",\"events\":[\"*\"],\"secret\":\"whsec_mine\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    var longUrl =
        http.post(
            webhooks,
            TestTokens.ADMIN,
            create("http://127.0.0.2:9/" + "p".repeat(3000), "[\"*\"]"));
    assertProblem(longUrl, 400, "BAD_REQUEST");
    var badFormat =
        http.post(
            webhooks,
            TestTokens.ADMIN,
            "{\"url\":\"http://127.0.0.2:9/hook\",\"events\":[\"*\"],\"format\":\"svix\"}");
    assertProblem(badFormat, 400, "BAD_REQUEST");
    var badId = http.get(webhooks + "/not-an-id-at-all", TestTokens.ADMIN);
    assertThat(assertProblem(badId, 404, "WEBHOOK_NOT_FOUND").get("detail").asText())
        .doesNotContain("not-an-id");
    var badDelivery =
        http.post(
            webhooks + "/00000000-0000-0000-0000-000000000000/deliveries/x/redeliver",
            TestTokens.ADMIN,
            null);
    assertThat(badDelivery.statusCode()).isEqualTo(404);
  }
}
