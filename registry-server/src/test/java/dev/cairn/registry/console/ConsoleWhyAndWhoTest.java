package dev.cairn.registry.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ModelQuery;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 25, items 16 and 21 in the console: an admin deletes a model from its page with a reason
 * (recorded on the tombstone), and the alias page rolls back to a generation it names. Each test
 * uses a project of its own, so the shared console data keep their counts.
 */
class ConsoleWhyAndWhoTest extends ConsoleSession {

  private CairnClient admin;
  private String project;

  @BeforeEach
  void ownProject() {
    admin = registry.client(TestTokens.ADMIN);
    project = TestRegistry.uniqueProject("console-why");
    admin.projects().create(ProjectCreate.named(project));
  }

  @Test
  void anAdminDeletesAModelFromItsPageWithAReason() {
    admin.models().create(project, ModelCreate.named("retired"));
    browser.signIn(TestTokens.ADMIN);
    browser.go("#/p/" + project + "/m/retired");

    browser.until(d -> d.findElement(By.id("delete-reason"))).sendKeys("cleanup test data\n");

    browser.until(d -> d.getCurrentUrl().endsWith("/p/" + project + "/models"));
    var tombstones = admin.models().list(project, ModelQuery.all().withState("DELETED")).items();
    assertThat(tombstones).hasSize(1);
    assertThat(tombstones.get(0).deleteReason()).isEqualTo("cleanup test data");
    assertThat(tombstones.get(0).deletedBy()).isEqualTo("bootstrap-admin");
  }

  @Test
  void theAliasPageRollsBackToANamedGeneration() {
    admin.models().create(project, ModelCreate.named("m"));
    for (String content : new String[] {"one", "two", "three"}) {
      String v = Versions.ready(admin, project, "m", "default", content).version();
      admin.aliases().put(project, "m", "staging", AliasUpdate.version(v, content), null, null);
    }
    String first =
        admin.aliases().history(project, "m", "staging", 10, null).items().stream()
            .filter(g -> g.generation() == 1)
            .findFirst()
            .orElseThrow()
            .pointers()
            .get("default");
    browser.signIn(TestTokens.PUBLISHER);
    browser.go("#/p/" + project + "/m/m/a/staging");
    browser.until(d -> d.findElements(By.cssSelector("#timeline tbody tr")).size() == 3);

    // Type only into the settled page, finding the fields afresh if it was replaced meanwhile.
    browser.until(
        d -> {
          d.findElement(By.id("rollback-to")).sendKeys("1\n");
          return true;
        });
    browser.until(d -> d.findElement(By.id("confirm-reason"))).sendKeys("back to the first\n");

    browser.until(d -> d.findElements(By.cssSelector("#timeline tbody tr")).size() == 4);
    assertThat(admin.aliases().get(project, "m", "staging").pointers())
        .containsEntry("default", first);
    assertThat(browser.mainText()).contains("back to the first");
  }
}
