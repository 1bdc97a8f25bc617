package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 30 item 5: {@code cairn webhook create/list/test/deliveries/redeliver}. The first endpoint
 * is a documentation address (TEST-NET-2) created DISABLED, which the registry sends nothing, a
 * test event included; the second is a loopback receiver on a registry that allows it.
 */
class CliWebhookCommandsTest extends LoggedInCli {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String URL = "https://198.51.100.7/hook";

  @Test
  void createShowsTheSecretOnceListTestAndDeliveriesFollow() throws Exception {
    CliRunner.Result created =
        cli.run(
            "webhook",
            "create",
            URL,
            "--event",
            "model_version_alias.*",
            "--event",
            "registered_model.created",
            "--format",
            "mlflow",
            "--status",
            "DISABLED",
            "-o",
            "json");
    assertThat(created.code()).as(created.err()).isZero();
    JsonNode hook = JSON.readTree(created.out());
    assertThat(hook.get("secret").asText()).startsWith("whsec_");
    String id = hook.get("id").asText();

    CliRunner.Result list = cli.run("webhook", "list");
    assertThat(list.out())
        .startsWith("ID")
        .contains(id, URL, "DISABLED", "mlflow")
        .doesNotContain("whsec_");

    // A disabled endpoint is sent nothing, a test event included (review 12 item 17).
    CliRunner.Result test = cli.run("webhook", "test", id);
    assertThat(test.code()).isNotZero();
    assertThat(test.err()).startsWith("error: WEBHOOK_DISABLED");
    assertThat(cli.run("webhook", "deliveries", id, "-o", "json").out())
        .contains("\"items\" : [ ]");
  }

  @Test
  void anActiveEndpointsTestEventIsDeliveredListedAndRedelivered() throws Exception {
    AtomicInteger received = new AtomicInteger();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          received.incrementAndGet();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    try (TestRegistry own =
        TestRegistry.start(
            Map.of(
                "CAIRN_WEBHOOK_ALLOW_CIDRS", "127.0.0.1/32",
                "CAIRN_WEBHOOK_ALLOW_HTTP", "true",
                "CAIRN_SCRUB_BYTES_PER_SECOND", "0"))) {
      CliRunner local =
          new CliRunner(home)
              .withEnv("CAIRN_TOKEN", TestTokens.ADMIN)
              .withEnv("CAIRN_SERVER", own.uri().toString())
              .withEnv("CAIRN_PROJECT", "hooks");
      local.run("project", "create", "hooks");
      String target = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
      CliRunner.Result created =
          local.run("webhook", "create", target, "--event", "*", "-o", "json");
      assertThat(created.code()).as(created.err()).isZero();
      String id = JSON.readTree(created.out()).get("id").asText();

      CliRunner.Result test = local.run("webhook", "test", id);
      assertThat(test.code()).as(test.err()).isZero();
      assertThat(test.out()).contains("test event queued");
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(local.run("webhook", "deliveries", id).out())
                      .startsWith("ID")
                      .contains("webhook.test", "DELIVERED", "204"));
      String delivery =
          JSON.readTree(local.run("webhook", "deliveries", id, "-o", "json").out())
              .path("items")
              .path(0)
              .path("id")
              .asText();
      assertThat(local.run("webhook", "redeliver", id, delivery).out()).contains("queued again");
      await().atMost(Duration.ofSeconds(20)).until(() -> received.get() == 2);
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void aLoopbackTargetIsRefusedWithTheRegistrysReason() {
    CliRunner.Result refused =
        cli.run("webhook", "create", "https://127.0.0.1:8443/hook", "--event", "*");
    assertThat(refused.code()).isNotZero();
    assertThat(refused.err()).startsWith("error: BAD_REQUEST").contains("not allowed");
  }
}
