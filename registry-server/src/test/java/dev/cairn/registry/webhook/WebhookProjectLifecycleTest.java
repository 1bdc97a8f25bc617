package dev.cairn.registry.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.events.EventRepository;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Review 12 items 3 and 14: a webhook endpoint lives and dies with its project (by id, not by its
 * name), and the outbox does not grow for ever. Before: endpoints were keyed by the project's name,
 * so whoever created a project of a deleted one's name inherited its endpoints (URLs, secrets,
 * delivery logs) and sent its own events to them; and no delivery or attempt row was ever deleted.
 */
class WebhookProjectLifecycleTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestRegistry registry;
  private static Http http;
  private static CairnClient admin;

  @BeforeAll
  static void start() {
    registry = TestRegistry.start(WebhookFixture.loopbackEnv("0,60"));
    http = registry.http();
    admin = registry.client(TestTokens.ADMIN);
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void aProjectDeletedAndCreatedAgainInheritsNoWebhook() throws Exception {
    String project = TestRegistry.uniqueProject("hooks-reborn");
    admin.projects().create(ProjectCreate.named(project));
    String webhooks = "/api/v1/projects/" + project + "/webhooks";
    try (Receiver oldTeam = new Receiver()) {
      HttpResponse<String> created =
          http.post(
              webhooks,
              TestTokens.ADMIN,
              "{\"url\":\"" + oldTeam.url() + "\",\"events\":[\"*\"],\"status\":\"DISABLED\"}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String oldId = JSON.readTree(created.body()).get("id").asText();
      // A pending delivery of the old endpoint (a DISABLED endpoint's rows wait for nothing).
      pending(oldId, 0, "now()");
      http.patch(webhooks + "/" + oldId, TestTokens.ADMIN, "{\"status\":\"ACTIVE\"}");
      await().atMost(Duration.ofSeconds(5)).until(() -> oldTeam.requests.size() == 1);
      // And one still waiting for its retry when the project goes.
      pending(oldId, 1, "now() + interval '1 hour'");
      admin.projects().delete(project);
      assertThat(count("SELECT COUNT(*) FROM webhook_endpoints WHERE id = '" + oldId + "'"))
          .as("the deleted project's endpoint")
          .isZero();
      assertThat(
              count("SELECT COUNT(*) FROM webhook_deliveries WHERE endpoint_id = '" + oldId + "'"))
          .isZero();

      // Someone else takes the name, and makes events under it.
      admin.projects().create(ProjectCreate.named(project));
      HttpResponse<String> list = http.get(webhooks, TestTokens.ADMIN);
      assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
      assertThat(JSON.readTree(list.body()).get("items")).isEmpty();
      assertThat(http.get(webhooks + "/" + oldId, TestTokens.ADMIN).statusCode()).isEqualTo(404);
      admin.models().create(project, ModelCreate.named("m"));
      Thread.sleep(1500);
      assertThat(oldTeam.requests).as("nothing sent to the old team's receiver").hasSize(1);
      assertThat(
              count("SELECT COUNT(*) FROM webhook_deliveries WHERE endpoint_id = '" + oldId + "'"))
          .isZero();
    }
  }

  @Test
  void finishedDeliveriesAreTrimmedWithTheEventsPendingOnesAreKept() throws Exception {
    String project = TestRegistry.uniqueProject("hooks-trim");
    admin.projects().create(ProjectCreate.named(project));
    HttpResponse<String> created =
        http.post(
            "/api/v1/projects/" + project + "/webhooks",
            TestTokens.ADMIN,
            "{\"url\":\"http://127.0.0.1:9/h\",\"events\":[\"*\"],\"status\":\"DISABLED\"}");
    String endpoint = JSON.readTree(created.body()).get("id").asText();
    String oldDelivered = delivery(endpoint, "DELIVERED", "30 days", "29 days");
    String oldFailed = delivery(endpoint, "FAILED", "30 days", null);
    String oldPending = delivery(endpoint, "PENDING", "30 days", null);
    String recent = delivery(endpoint, "DELIVERED", "1 hour", "1 hour");
    String redeliveredLately = delivery(endpoint, "DELIVERED", "30 days", "1 hour");
    sql(
        "INSERT INTO webhook_attempts (delivery_id, attempt, at, latency_ms)"
            + " VALUES ('"
            + oldDelivered
            + "', 1, now() - interval '30 days', 5)");

    try (Db db = Db.connect(registry.server().dataSource(), 1)) {
      // What the event listener does every hour, with CAIRN_EVENT_RETENTION_HOURS' default.
      new EventRepository(db).trimBefore(Instant.now().minus(Duration.ofHours(168)));
    }
    assertThat(exists(oldDelivered)).isFalse();
    assertThat(exists(oldFailed)).isFalse();
    assertThat(
            count(
                "SELECT COUNT(*) FROM webhook_attempts WHERE delivery_id = '" + oldDelivered + "'"))
        .isZero();
    assertThat(exists(oldPending)).as("still owed to its receiver").isTrue();
    assertThat(exists(recent)).isTrue();
    assertThat(exists(redeliveredLately)).isTrue();
  }

  private static String delivery(String endpoint, String state, String age, String deliveredAgo)
      throws Exception {
    String id = UUID.randomUUID().toString();
    sql(
        "INSERT INTO webhook_deliveries (id, endpoint_id, event_type, data, created_at, state,"
            + " attempts, next_attempt_at, delivered_at) VALUES ('"
            + id
            + "', '"
            + endpoint
            + "', 'webhook.test', '{}', now() - interval '"
            + age
            + "', '"
            + state
            + "', 1, now() - interval '"
            + age
            + "', "
            + (deliveredAgo == null ? "NULL" : "now() - interval '" + deliveredAgo + "'")
            + ")");
    return id;
  }

  /**
   * A PENDING test delivery of {@code endpoint} made now, next attempted at {@code nextAttempt}.
   */
  private static void pending(String endpoint, int attempts, String nextAttempt) throws Exception {
    sql(
        "INSERT INTO webhook_deliveries (id, endpoint_id, event_type, data, created_at, state,"
            + " attempts, next_attempt_at) VALUES ('"
            + UUID.randomUUID()
            + "', '"
            + endpoint
            + "', 'webhook.test', '{}', now(), 'PENDING', "
            + attempts
            + ", "
            + nextAttempt
            + ")");
  }

  private static boolean exists(String delivery) throws Exception {
    return count("SELECT COUNT(*) FROM webhook_deliveries WHERE id = '" + delivery + "'") == 1;
  }

  private static long count(String query) throws Exception {
    try (Connection c = registry.sql();
        ResultSet rs = c.createStatement().executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void sql(String statement) throws Exception {
    try (Connection c = registry.sql()) {
      c.createStatement().executeUpdate(statement);
    }
  }
}
