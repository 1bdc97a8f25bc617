package dev.cairn.registry.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasHistoryEntry;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 26, item 11: setting or rolling back production goes through a confirmation — before →
 * after per variant, a required reason, an optional approver — and ends with the new generation and
 * a link to its live rollout. Nothing changes before the confirmation.
 */
class ConsoleProductionChangeTest extends ConsoleSession {

  private CairnClient admin;
  private String project;
  private String v1;
  private String v2;

  @BeforeEach
  void productionAtV1() {
    admin = registry.client(TestTokens.ADMIN);
    project = TestRegistry.uniqueProject("console-change");
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("m"));
    v1 = Versions.ready(admin, project, "m", "default", "one " + project).version();
    v2 = Versions.ready(admin, project, "m", "default", "two " + project).version();
    admin.aliases().put(project, "m", "production", AliasUpdate.version(v1, "first"), null, null);
  }

  @Test
  void settingProductionIsConfirmedWithBeforeAfterReasonAndApproverThenLinksTheRollout()
      throws Exception {
    browser.signIn(TestTokens.APPROVER);
    browser.go("#/p/" + project + "/m/m/a/production");
    browser.until(d -> d.findElements(By.cssSelector("#timeline tbody tr")).size() == 1);

    var pointer = browser.until(d -> d.findElement(By.id("ptr-default")));
    pointer.clear();
    pointer.sendKeys(v2 + "\n");
    String confirm = browser.text(By.id("confirm"));
    assertThat(confirm).contains("Confirm: set m @production").contains("default " + v1 + " " + v2);
    assertThat(generation()).as("nothing is sent before the confirmation").isEqualTo(1);
    browser.screenshot(ConsoleData.screenshots().resolve("alias-confirm.png"));

    browser.driver().findElement(By.id("confirm-change")).click();
    assertThat(browser.script("return document.getElementById('confirm-reason').validity.valid"))
        .as("the reason is required")
        .isEqualTo(false);
    assertThat(generation()).isEqualTo(1);

    browser.driver().findElement(By.id("confirm-approved-by")).sendKeys("operator_A");
    browser.driver().findElement(By.id("confirm-reason")).sendKeys("two is approved\n");

    String result = browser.text(By.id("result"));
    assertThat(result)
        .contains("@production is now generation 2 (default=" + v2 + ")")
        .contains("approved by operator_A");
    AliasHistoryEntry newest = newest();
    assertThat(newest.approvedBy()).isEqualTo("operator_A");
    assertThat(newest.reason()).isEqualTo("two is approved");
    assertThat(newest.actor()).isEqualTo("approver");
    browser.screenshot(ConsoleData.screenshots().resolve("alias-result.png"));

    browser.driver().findElement(By.id("result-rollout")).click();
    browser.until(d -> d.getCurrentUrl().endsWith("/p/" + project + "/m/m/a/production/rollout"));
    browser.until(d -> d.findElement(By.id("rollout")).getText().contains("generation 2"));
  }

  @Test
  void aRollbackIsConfirmedAndCanBeCancelledFirst() {
    admin.aliases().put(project, "m", "production", AliasUpdate.version(v2, "second"), null, null);
    browser.signIn(TestTokens.APPROVER);
    browser.go("#/p/" + project + "/m/m/a/production");
    browser.until(d -> d.findElements(By.cssSelector("#timeline tbody tr")).size() == 2);

    browser.driver().findElement(By.id("review-rollback")).click();
    assertThat(browser.text(By.id("confirm")))
        .contains("roll m @production back to generation 1's pointers")
        .contains("default " + v2 + " " + v1);
    browser.driver().findElement(By.xpath("//button[text()='Cancel']")).click();
    browser.until(d -> d.findElements(By.id("confirm")).isEmpty());
    assertThat(generation()).isEqualTo(2);

    browser.driver().findElement(By.id("review-rollback")).click();
    browser.until(d -> d.findElement(By.id("confirm-approved-by"))).sendKeys("operator_B");
    browser.driver().findElement(By.id("confirm-reason")).sendKeys("two misbehaves\n");

    assertThat(browser.text(By.id("result")))
        .contains("generation 3 (default=" + v1 + ")")
        .contains("approved by operator_B");
    AliasHistoryEntry newest = newest();
    assertThat(newest.action()).isEqualTo("ALIAS_ROLLBACK");
    assertThat(newest.approvedBy()).isEqualTo("operator_B");
    assertThat(newest.reason()).isEqualTo("two misbehaves");
  }

  private long generation() {
    return admin.aliases().get(project, "m", "production").generation();
  }

  private AliasHistoryEntry newest() {
    return admin.aliases().history(project, "m", "production", 1, null).items().get(0);
  }
}
