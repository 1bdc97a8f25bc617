package dev.cairn.registry.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.InstanceReport;
import dev.cairn.client.model.LoadedVersion;
import dev.cairn.registry.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 16: the web console in a real headless Chromium against a real registry — sign in, paging
 * and filters in the URL, 300 versions, verify, an approver's alias change and rollback on the
 * timeline, a publisher's refusal with its problem code, a rollout table fed by the event stream,
 * an injected script shown as text, and the Content-Security-Policy.
 */
class ConsoleTest extends ConsoleSession {

  @Test
  void aWrongTokenIsRefusedWithItsProblemAndARightOneShowsTheProjects() {
    browser.typeToken("not-a-token");
    assertThat(browser.text(By.cssSelector(".alert"))).startsWith("UNAUTHENTICATED:");

    browser.signIn(TestTokens.ADMIN);
    browser.go("#/projects");

    assertThat(browser.text(By.id("who"))).contains("bootstrap-admin");
    // Projects come 25 a page in name order, and other test classes add theirs to this registry:
    // each page gets the usual wait (one wait for the whole walk ran out once the registry held
    // enough projects on a loaded machine).
    while (true) {
      WebElement pager = browser.until(d -> d.findElement(By.cssSelector("nav.pager")));
      if (browser.mainText().contains(data.project())) {
        break;
      }
      pager.findElement(By.linkText("Next page")).click();
      browser.until(ExpectedConditions.stalenessOf(pager)::apply);
    }
    assertThat(browser.mainText()).contains(data.project());
  }

  @Test
  void modelsArePagedAndFilteredByTheServerWithBothInTheUrl() {
    browser.signIn(TestTokens.ADMIN);
    browser.go("#/p/" + data.project() + "/models");
    browser.until(d -> d.findElements(By.cssSelector("tbody tr")).size() == 25);

    browser.driver().findElement(By.linkText("Next page")).click();
    browser.until(d -> d.getCurrentUrl().contains("page_token="));
    browser.until(d -> d.findElements(By.cssSelector("tbody tr")).size() == 6);

    browser.go("#/p/" + data.project() + "/models");
    // The first page renders again once its list arrives: type only into the settled page, and
    // find the field afresh if it was replaced in between (stale elements are retried).
    browser.until(d -> d.findElements(By.cssSelector("tbody tr")).size() == 25);
    browser.until(
        d -> {
          d.findElement(By.id("f-label")).sendKeys("line:3\n");
          return true;
        });
    browser.until(d -> d.getCurrentUrl().contains("label=line%3A3"));
    browser.until(d -> d.findElements(By.cssSelector("tbody tr")).size() == 14);
    browser.driver().navigate().refresh();
    browser.until(d -> d.findElements(By.cssSelector("tbody tr")).size() == 14);
    assertThat(browser.mainText()).contains("filler-00").doesNotContain("filler-01");
    assertThat(browser.driver().findElement(By.id("f-label")).getAttribute("value"))
        .isEqualTo("line:3");
  }

  @Test
  void aModelWith300VersionsOpensItsFirstPageInUnderASecond() {
    browser.signIn(TestTokens.ADMIN);
    browser.go("#/projects");

    long started = System.nanoTime();
    browser.go("#/p/" + data.project() + "/m/" + ConsoleData.SCORER);
    browser.until(d -> browser.mainText().contains("Versions (50 on this page)"));
    long millis = (System.nanoTime() - started) / 1_000_000;

    System.out.println("console: model page with 300 versions rendered in " + millis + " ms");
    assertThat(millis).isLessThan(1000);
    assertThat(browser.driver().findElements(By.linkText("Older versions"))).hasSize(1);
  }

  @Test
  void aVersionIsVerifiedFromItsPage() {
    browser.signIn(TestTokens.PUBLISHER);
    browser.go("#/p/" + data.project() + "/m/" + ConsoleData.SCORER + "/v/v1");
    browser.until(d -> d.findElement(By.xpath("//button[text()='Verify now']"))).click();

    browser.until(d -> d.findElement(By.id("notice")).getText().contains("Verify: VERIFIED"));
    assertThat(browser.mainText()).contains("model.onnx");
  }

  @Test
  void anApproverMovesProductionAndRollsItBackOnTheTimeline() throws Exception {
    browser.signIn(TestTokens.APPROVER);
    String page = "#/p/" + data.project() + "/m/" + ConsoleData.INK + "/a/production";
    browser.go(page);
    browser.until(d -> d.findElements(By.cssSelector("#timeline tbody tr")).size() == 1);

    var mid = browser.until(d -> d.findElement(By.id("ptr-MID")));
    mid.clear();
    mid.sendKeys(ConsoleData.NEW_MID + "\n");
    browser.until(d -> d.findElement(By.id("confirm-reason"))).sendKeys("MID re-registered\n");
    browser.until(d -> d.findElements(By.cssSelector("#timeline tbody tr")).size() == 2);
    assertThat(browser.mainText())
        .contains("MID v2 → v4")
        .contains("MID re-registered")
        .containsPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    browser.screenshot(ConsoleData.screenshots().resolve("alias-timeline.png"));

    browser.until(d -> d.findElement(By.id("review-rollback"))).click();
    browser.until(d -> d.findElement(By.id("confirm-reason"))).sendKeys("back to v2\n");
    browser.until(d -> d.findElements(By.cssSelector("#timeline tbody tr")).size() == 3);
    assertThat(browser.mainText()).contains("ALIAS_ROLLBACK").contains("back to v2");
    String audit =
        registry
            .http()
            .get(
                "/api/v1/projects/" + data.project() + "/audit?action=ALIAS_ROLLBACK",
                TestTokens.ADMIN)
            .body();
    assertThat(audit).contains("\"actor\":\"approver\"").contains("back to v2");

    browser.go("#/p/" + data.project() + "/m/" + ConsoleData.INK);
    browser.until(d -> browser.mainText().contains("ACTIVE"));
    browser.screenshot(ConsoleData.screenshots().resolve("model.png"));
  }

  @Test
  void aPublisherIsRefusedOnTheProtectedAliasAndSeesTheProblemCode() {
    browser.signIn(TestTokens.PUBLISHER);
    browser.go("#/p/" + data.project() + "/m/" + ConsoleData.INK + "/a/production");
    var mid = browser.until(d -> d.findElement(By.id("ptr-MID")));
    mid.clear();
    mid.sendKeys(ConsoleData.NEW_MID + "\n");
    browser.until(d -> d.findElement(By.id("confirm-reason"))).sendKeys("publisher tries\n");

    String refusal = browser.text(By.cssSelector("#confirm-notice .alert"));
    assertThat(refusal).matches("[A-Z_]+: .+");
    System.out.println("console: publisher refused with " + refusal);
  }

  @Test
  void theRolloutTableChangesWhenAnInstanceReportsWithoutAReload() {
    browser.signIn(TestTokens.ADMIN);
    browser.go("#/p/" + data.project() + "/m/" + ConsoleData.INK + "/a/production/rollout");
    browser.until(d -> d.findElements(By.cssSelector("#rollout tbody tr")).size() >= 2);
    browser.script("window.notReloaded = true");

    registry
        .client(TestTokens.SIDECAR)
        .instances()
        .report(
            data.project(),
            "line-3-c",
            new InstanceReport(
                ConsoleData.INK,
                "production",
                1L,
                Map.of("MID", new LoadedVersion("v2", null, Instant.now())),
                "LOADING",
                null,
                "pod-c",
                "node-2",
                600));

    new WebDriverWait(browser.driver(), Duration.ofSeconds(2))
        .until(d -> d.findElement(By.id("rollout")).getText().contains("line-3-c"));
    assertThat(browser.script("return window.notReloaded === true")).isEqualTo(true);
  }

  @Test
  void anInjectedScriptInADescriptionIsShownAsText() {
    browser.signIn(TestTokens.ADMIN);
    browser.go("#/p/" + data.project() + "/m/" + ConsoleData.HOSTILE);

    browser.until(d -> browser.mainText().contains(ConsoleData.SCRIPT));
    assertThat(browser.script("return window.pwned === undefined")).isEqualTo(true);
    assertThat(browser.driver().findElements(By.cssSelector("main script, main img"))).isEmpty();
  }
}
