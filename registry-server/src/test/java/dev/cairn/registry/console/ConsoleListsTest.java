package dev.cairn.registry.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.InstanceReport;
import dev.cairn.client.model.LoadedVersion;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 26, item 12: lists that say what runs and what changed, with create buttons; sizes in
 * binary units; {@code latest} apart from the set aliases; a bad page token with a way back; and
 * buttons styled by what they do. Each test uses a project of its own.
 */
class ConsoleListsTest extends ConsoleSession {

  private static final String DANGER = "rgb(180, 35, 24)";
  private static final String PRIMARY = "rgb(11, 92, 173)";
  private static final String WHITE = "rgb(255, 255, 255)";

  private CairnClient admin;
  private String project;

  @BeforeEach
  void ownProject() {
    admin = registry.client(TestTokens.ADMIN);
    project = TestRegistry.uniqueProject("console-lists");
    admin.projects().create(ProjectCreate.named(project));
  }

  @Test
  void modelsShowProductionServingAndLastChangeAndAPublisherCreatesOne() throws Exception {
    admin.models().create(project, ModelCreate.named("sku-a"));
    admin.models().create(project, ModelCreate.named("sku-b"));
    String v1 = Versions.ready(admin, project, "sku-a", "default", "a " + project).version();
    admin.aliases().put(project, "sku-a", "production", AliasUpdate.version(v1, "go"), null, null);
    registry
        .client(TestTokens.SIDECAR)
        .instances()
        .report(
            project,
            "line-1",
            new InstanceReport(
                "sku-a",
                "production",
                1L,
                Map.of("default", new LoadedVersion(v1, null, Instant.now())),
                "READY",
                null,
                "pod-1",
                "node-1",
                600));

    browser.signIn(TestTokens.PUBLISHER);
    browser.go("#/p/" + project + "/models");
    WebElement a = browser.until(d -> d.findElement(By.xpath("//tr[td/a[text()='sku-a']]")));
    assertThat(a.getText())
        .contains("default=" + v1)
        .contains("ACTIVE")
        .contains("1/1")
        .contains("ALIAS_UPDATE by bootstrap-admin");
    assertThat(browser.driver().findElement(By.xpath("//tr[td/a[text()='sku-b']]")).getText())
        .contains("not set")
        .contains("0/0")
        .contains("MODEL_CREATE by bootstrap-admin");
    browser.screenshot(ConsoleData.screenshots().resolve("models-list.png"));

    browser.driver().findElement(By.xpath("//summary[text()='New model']")).click();
    browser.driver().findElement(By.id("new-model-variants")).sendKeys("LOW, HIGH");
    browser.driver().findElement(By.id("new-model-name")).sendKeys("sku-new\n");

    browser.until(d -> d.getCurrentUrl().endsWith("/p/" + project + "/m/sku-new"));
    assertThat(admin.models().get(project, "sku-new").variants()).containsExactly("LOW", "HIGH");
  }

  @Test
  void projectsShowServingAndLastChangeAndAnAdminCreatesOne() {
    String created = "aaa-" + project;
    browser.signIn(TestTokens.ADMIN);
    browser.go("#/projects");
    browser.until(d -> d.findElement(By.xpath("//summary[text()='New project']"))).click();
    browser.driver().findElement(By.id("new-project-name")).sendKeys(created + "\n");
    browser.until(d -> d.getCurrentUrl().endsWith("/p/" + created + "/models"));

    browser.go("#/projects");
    // Projects are listed by name: an "aaa-" name is on the first page.
    WebElement row =
        browser.until(d -> d.findElement(By.xpath("//tr[td/a[text()='" + created + "']]")));
    assertThat(row.getText()).contains("0 ready / 0").contains("PROJECT_CREATE by bootstrap-admin");
    assertThat(browser.mainText()).contains("Serving instances").contains("Last change");
  }

  @Test
  void sizesAreInBinaryUnitsWithTheExactBytesAtHand() {
    admin.models().create(project, ModelCreate.named("big"));
    String sha = "ab".repeat(32);
    String version =
        admin
            .versions()
            .create(
                project,
                "big",
                VersionCreate.ofFormat("generic")
                    .withFiles(List.of(new FileDeclaration("w.bin", sha, 120_000_000L, null))))
            .version();

    browser.signIn(TestTokens.READER);
    browser.go("#/p/" + project + "/m/big/v/" + version);

    WebElement size =
        browser.until(d -> d.findElement(By.xpath("//tr[td[text()='w.bin']]/td[3]/span")));
    assertThat(size.getText()).isEqualTo("114.4 MiB");
    assertThat(size.getAttribute("title")).isEqualTo("120000000 bytes");
    assertThat(browser.mainText()).doesNotContain("120000000");
  }

  @Test
  void latestStandsApartWithoutARolloutLink() {
    admin.models().create(project, ModelCreate.named("m"));
    String v1 = Versions.ready(admin, project, "m", "default", "one " + project).version();
    admin.aliases().put(project, "m", "staging", AliasUpdate.version(v1, "try"), null, null);

    browser.signIn(TestTokens.READER);
    browser.go("#/p/" + project + "/m/m");

    assertThat(browser.text(By.id("latest"))).contains("implicit").contains("default=" + v1);
    assertThat(browser.driver().findElements(By.cssSelector("tbody tr")))
        .extracting(WebElement::getText)
        .anySatisfy(text -> assertThat(text).startsWith("@staging"))
        .noneSatisfy(text -> assertThat(text).startsWith("@latest"));
    assertThat(browser.driver().findElements(By.cssSelector("a[href*='/a/latest']"))).isEmpty();
    assertThat(browser.driver().findElements(By.cssSelector("a[href$='/a/staging/rollout']")))
        .hasSize(1);
  }

  @Test
  void aBadPageTokenSaysSoAndLeadsBackToTheFirstPageWithTheFilters() throws Exception {
    admin.models().create(project, ModelCreate.named("m").withLabels(Map.of("line", "3")));
    browser.signIn(TestTokens.READER);
    browser.go("#/p/" + project + "/models?label=line%3A3&page_token=not-a-token");

    assertThat(browser.text(By.cssSelector(".alert"))).startsWith("INVALID_PAGE_TOKEN:");
    browser.screenshot(ConsoleData.screenshots().resolve("bad-page-token.png"));
    browser.driver().findElement(By.linkText("Back to the first page")).click();

    browser.until(d -> d.findElements(By.cssSelector("tbody tr")).size() == 1);
    assertThat(browser.driver().getCurrentUrl())
        .contains("label=line%3A3")
        .doesNotContain("page_token");
  }

  @Test
  void destructiveButtonsAreStyledAsDangerAndSignOutAsSecondary() throws Exception {
    admin.models().create(project, ModelCreate.named("m"));
    String v1 = Versions.ready(admin, project, "m", "default", "one " + project).version();
    browser.signIn(TestTokens.ADMIN);

    browser.go("#/p/" + project + "/m/m");
    assertThat(background(By.xpath("//button[text()='Archive model']"))).isEqualTo(DANGER);
    assertThat(background(By.xpath("//button[text()='Delete model']"))).isEqualTo(DANGER);
    assertThat(background(By.id("signout"))).isEqualTo(WHITE);
    browser.screenshot(ConsoleData.screenshots().resolve("buttons-model.png"));

    browser.go("#/p/" + project + "/m/m/v/" + v1);
    assertThat(background(By.xpath("//button[text()='Save notes']"))).isEqualTo(PRIMARY);
    assertThat(background(By.xpath("//button[text()='Archive version']"))).isEqualTo(DANGER);
    assertThat(background(By.xpath("//button[text()='Verify now']"))).isEqualTo(WHITE);
  }

  private String background(By by) {
    return browser
        .until(d -> d.findElement(by))
        .getCssValue("background-color")
        .replace("rgba", "rgb")
        .replace(", 1)", ")");
  }
}
