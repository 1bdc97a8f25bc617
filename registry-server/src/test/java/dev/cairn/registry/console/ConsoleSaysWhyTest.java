package dev.cairn.registry.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 26, items 8–10 in the console: a FAILED version says why, when and which check found it; a
 * version served nowhere says so and how to serve it; audit rows name project, model and alias,
 * linked, and filter to a model. Each test uses a project of its own.
 */
class ConsoleSaysWhyTest extends ConsoleSession {

  private static final String WHEN = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}Z";

  private CairnClient admin;
  private String project;

  @BeforeEach
  void ownProject() {
    admin = registry.client(TestTokens.ADMIN);
    project = TestRegistry.uniqueProject("console-says");
    admin.projects().create(ProjectCreate.named(project));
  }

  @Test
  void aFailedVersionShowsItsFailureDetailWhenAndWhichCheckFoundIt() throws Exception {
    admin.models().create(project, ModelCreate.named("m"));
    String content = "weights of " + project;
    String version = Versions.ready(admin, project, "m", "default", content).version();
    String sha = Versions.sha256(content.getBytes(StandardCharsets.UTF_8));
    Path blob = registry.dataDir().resolve("blobs/sha256/" + sha.substring(0, 2) + "/" + sha);
    Files.write(blob, ("changed behind the registry's back " + project).getBytes());
    try {
      admin.versions().download(project, "m", version, "model.bin", new ByteArrayOutputStream());
    } catch (RuntimeException refused) {
      // the download is cut off: the point is that it failed the version
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "FAILED".equals(admin.versions().get(project, "m", version).state()));

    browser.signIn(TestTokens.READER);
    browser.go("#/p/" + project + "/m/m/v/" + version);

    String failure = browser.text(By.id("failure"));
    assertThat(failure)
        .contains("CHECKSUM_MISMATCH")
        .contains("a download found 'model.bin' changed")
        .containsPattern("When\\s+" + WHEN)
        .contains("a download (the bytes are hashed as they are served)");
    browser.screenshot(ConsoleData.screenshots().resolve("version-failed.png"));

    browser.go("#/p/" + project + "/m/m");
    browser.until(d -> browser.mainText().contains("CHECKSUM_MISMATCH"));
  }

  @Test
  void aVersionServedNowhereSaysSoAndHowToServeIt() throws Exception {
    admin.models().create(project, ModelCreate.named("m"));
    String version = Versions.ready(admin, project, "m", "default", "one " + project).version();

    browser.signIn(TestTokens.READER);
    browser.go("#/p/" + project + "/m/m/v/" + version);

    assertThat(browser.text(By.id("where-it-runs"))).contains("Not served anywhere yet.");
    assertThat(browser.text(By.id("serve-cli")))
        .isEqualTo(
            "cairn -p "
                + project
                + " activate m --pointer default="
                + version
                + " --reason \"…\" --wait");
    assertThat(browser.text(By.id("serve-kubectl")))
        .contains("kind: ModelActivation")
        .contains("namespace: " + project)
        .contains("versions: {default: " + version + "}");
    assertThat(browser.mainText()).contains("kubectl apply -f modelactivation.yaml");
    // No table of headers alone: the only table left is the files'.
    assertThat(browser.driver().findElements(By.tagName("caption")))
        .extracting(WebElement::getText)
        .doesNotContain("Where it runs");
    browser.screenshot(ConsoleData.screenshots().resolve("version-not-served.png"));
  }

  @Test
  void auditRowsNameProjectModelAndAliasLinkedAndFilterToAModel() throws Exception {
    for (String sku : List.of("sku-a", "sku-b")) {
      admin.models().create(project, ModelCreate.named(sku));
      String v = Versions.ready(admin, project, sku, "default", sku + project).version();
      admin
          .aliases()
          .put(project, sku, "production", AliasUpdate.version(v, sku + " goes"), null, null);
    }

    browser.signIn(TestTokens.READER);
    browser.go("#/p/" + project + "/audit");
    browser.until(d -> browser.mainText().contains("sku-b goes"));
    String main = browser.mainText();
    assertThat(main)
        .contains(project + " / sku-a / @production")
        .contains(project + " / sku-b / @production");
    browser.screenshot(ConsoleData.screenshots().resolve("audit-rows.png"));
    String upload =
        browser
            .driver()
            .findElement(By.xpath("//tr[td[text()='VERSION_FILE_UPLOAD']]//a[starts-with(., ':')]"))
            .getAttribute("href");
    assertThat(upload).matches(".*/p/" + project + "/m/sku-[ab]/v/v1");

    WebElement row =
        browser.until(d -> d.findElement(By.xpath("//tr[td[contains(., 'sku-b goes')]]")));
    row.findElement(By.linkText("(only this model)")).click();
    browser.until(d -> d.getCurrentUrl().contains("model=sku-b"));
    browser.until(d -> browser.mainText().contains("Only model sku-b."));
    assertThat(browser.driver().findElements(By.cssSelector("tbody tr")))
        .isNotEmpty()
        .allSatisfy(tr -> assertThat(tr.getText()).contains("sku-b").doesNotContain("sku-a"));

    browser
        .until(d -> d.findElement(By.xpath("//tr[td[contains(., 'sku-b goes')]]")))
        .findElement(By.linkText("@production"))
        .click();
    browser.until(d -> d.getCurrentUrl().endsWith("/p/" + project + "/m/sku-b/a/production"));
    browser.until(d -> browser.mainText().contains("sku-b @production"));
  }
}
