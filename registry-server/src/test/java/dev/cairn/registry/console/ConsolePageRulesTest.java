package dev.cairn.registry.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The console's page rules (spec 80-web-ui, Rules): the audit page with its chain badge, filters in
 * the URL and ndjson export; reflow at 200 % zoom; the Content-Security-Policy.
 */
class ConsolePageRulesTest extends ConsoleSession {

  @Test
  void theAuditPageFiltersInTheUrlShowsTheChainBadgeAndExports() {
    browser.signIn(TestTokens.ADMIN);
    browser.go("#/p/" + data.project() + "/audit");

    browser.until(d -> d.findElement(By.id("chain")).getText().startsWith("chain intact ("));
    browser.until(d -> d.findElement(By.id("a-action"))).sendKeys("ALIAS_UPDATE\n");
    browser.until(d -> d.getCurrentUrl().contains("action=ALIAS_UPDATE"));
    browser.until(d -> browser.mainText().contains("first standards"));
    assertThat(browser.mainText()).doesNotContain("MODEL_CREATE");
    browser.driver().findElement(By.xpath("//button[text()='Export ndjson']")).click();
    browser.until(d -> browser.mainText().contains("Exported."));
  }

  @Test
  void pagesReflowAt200PercentZoomWithoutScrollingSideways() {
    browser.signIn(TestTokens.ADMIN);
    browser.driver().manage().window().setSize(new Dimension(640, 900));
    try {
      for (String page :
          new String[] {
            "#/p/" + data.project() + "/models",
            "#/p/" + data.project() + "/m/" + ConsoleData.INK,
            "#/p/" + data.project() + "/m/" + ConsoleData.INK + "/a/production"
          }) {
        browser.go(page);
        browser.until(d -> d.findElements(By.cssSelector("tbody tr")).isEmpty() ? null : true);
        assertThat(browser.script("return document.documentElement.scrollWidth <= innerWidth"))
            .as(page)
            .isEqualTo(true);
      }
    } finally {
      browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }
  }

  @Test
  void theConsoleIsServedWithAContentSecurityPolicy() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create(registry.uri() + "/ui/")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> bare =
        http.send(
            HttpRequest.newBuilder(URI.create(registry.uri() + "/ui")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'self'"));
    assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\">");
    assertThat(bare.statusCode()).isEqualTo(301);
    assertThat(bare.headers().firstValue("Location")).hasValue("/ui/");
  }
}
