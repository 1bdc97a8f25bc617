package dev.cairn.registry.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 30 item 5: a project's webhooks page lists its endpoints and, for one, the delivery log
 * with a Redeliver button; only admins are offered the page. The endpoint is a documentation
 * address created DISABLED (the shared registry reaches nothing outside), so a delivery put in its
 * log stays PENDING and Redeliver queues it again.
 */
class ConsoleWebhooksTest extends ConsoleSession {

  @Test
  void theWebhooksPageShowsTheDeliveryLogAndRedelivers() throws Exception {
    String project = TestRegistry.uniqueProject("console-hooks");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    Http http = registry.http();
    String base = "/api/v1/projects/" + project + "/webhooks";
    var created =
        http.post(
            base,
            TestTokens.ADMIN,
            "{\"url\":\"https://198.51.100.7/ci\",\"events\":[\"model_version_alias.*\"],"
                + "\"status\":\"DISABLED\"}");
    String id = new ObjectMapper().readTree(created.body()).get("id").asText();
    // A test of a DISABLED endpoint is refused (review 12 item 17): its log gets a row directly.
    String delivery = UUID.randomUUID().toString();
    try (Connection c = registry.sql();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO webhook_deliveries (id, endpoint_id, event_type, data, created_at,"
                    + " state, attempts, next_attempt_at) VALUES (CAST(? AS uuid),"
                    + " CAST(? AS uuid), 'webhook.test', '{}', now(), 'PENDING', 0, now())")) {
      insert.setString(1, delivery);
      insert.setString(2, id);
      insert.executeUpdate();
    }

    browser.signIn(TestTokens.ADMIN);
    browser.go("#/p/" + project + "/models");
    browser.until(d -> d.findElement(By.linkText("webhooks"))).click();
    WebElement row =
        browser.until(d -> d.findElement(By.xpath("//tr[td[text()='https://198.51.100.7/ci']]")));
    assertThat(row.getText()).contains("model_version_alias.*", "DISABLED", "standard");
    WebElement logged =
        browser.until(d -> d.findElement(By.xpath("//tr[td/code[text()='" + delivery + "']]")));
    assertThat(logged.getText()).contains("webhook.test", "PENDING");
    assertThat(browser.mainText()).doesNotContain("whsec_");
    logged.findElement(By.cssSelector("button.redeliver")).click();
    browser.until(d -> browser.mainText().contains("Delivery " + delivery + " queued again."));
    browser.screenshot(ConsoleData.screenshots().resolve("webhooks.png"));

    browser.signIn(TestTokens.READER);
    browser.go("#/p/" + project + "/models");
    browser.until(d -> d.findElement(By.linkText("audit")));
    assertThat(browser.driver().findElements(By.linkText("webhooks"))).isEmpty();
  }
}
