package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Issue 30 item 5: {@code cairn webhook create/list/test/deliveries/redeliver}. The endpoint is a
 * documentation address (TEST-NET-2) created DISABLED, so its queued test event is never sent.
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

    CliRunner.Result test = cli.run("webhook", "test", id);
    assertThat(test.code()).as(test.err()).isZero();
    assertThat(test.out()).contains("test event queued");

    CliRunner.Result deliveries = cli.run("webhook", "deliveries", id);
    assertThat(deliveries.out()).startsWith("ID").contains("webhook.test", "PENDING");
    String delivery =
        JSON.readTree(cli.run("webhook", "deliveries", id, "-o", "json").out())
            .path("items")
            .path(0)
            .path("id")
            .asText();
    assertThat(cli.run("webhook", "redeliver", id, delivery).out()).contains("queued again");
  }

  @Test
  void aLoopbackTargetIsRefusedWithTheRegistrysReason() {
    CliRunner.Result refused =
        cli.run("webhook", "create", "https://127.0.0.1:8443/hook", "--event", "*");
    assertThat(refused.code()).isNotZero();
    assertThat(refused.err()).startsWith("error: BAD_REQUEST").contains("not allowed");
  }
}
