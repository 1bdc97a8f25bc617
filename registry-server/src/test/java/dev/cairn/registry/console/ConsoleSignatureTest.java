package dev.cairn.registry.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.LoadedVersion;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.VersionSignature;
import dev.cairn.registry.signature.TestSigner;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.InstanceReports;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 28 item 7: the version page shows the signature (method, signer, verified when, trusted) or
 * "unsigned"; the production confirmation says whether each target version is signed by a trusted
 * signer and, when the project requires signatures, that the registry will refuse the change; the
 * project page lists the trust policy, read-only; the rollout and "where it runs" tables show who
 * signed what each replica verified.
 */
class ConsoleSignatureTest extends ConsoleSession {

  private CairnClient admin;
  private Http http;
  private String project;
  private TestSigner ci;
  private String signed;
  private String unsigned;
  private String alsoUnsigned;

  @BeforeEach
  void signedAndUnsignedVersions() {
    admin = registry.client(TestTokens.ADMIN);
    http = registry.http();
    project = TestRegistry.uniqueProject("console-signed");
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("m"));
    ci = TestSigner.generate();
    expect(
        http.send(
            "PUT", "/api/v1/projects/" + project + "/trust", TestTokens.ADMIN, ci.policy("ci")),
        200);

    String content = "signed " + project;
    signed = Versions.ready(admin, project, "m", "default", content).version();
    byte[] bundle =
        ci.sign(Map.of("model.bin", Versions.sha256(content.getBytes(StandardCharsets.UTF_8))));
    expect(
        http.sendBytes(
            "PUT",
            "/api/v1/projects/" + project + "/models/m/versions/" + signed + "/signature",
            TestTokens.PUBLISHER,
            bundle,
            Map.of("Content-Type", "application/vnd.dev.sigstore.bundle.v0.3+json")),
        201);
    unsigned = Versions.ready(admin, project, "m", "default", "unsigned " + project).version();
    alsoUnsigned = Versions.ready(admin, project, "m", "default", "also " + project).version();
  }

  @Test
  void theVersionPageShowsTheSignatureOrUnsigned() throws Exception {
    browser.signIn(TestTokens.READER);
    browser.go("#/p/" + project + "/m/m/v/" + signed);
    String line = browser.text(By.id("signature"));
    assertThat(line)
        .contains("key")
        .contains("signed by " + ci.hint())
        .contains("verified ")
        .contains("trusted")
        .doesNotContain("not trusted");
    browser.screenshot(ConsoleData.screenshots().resolve("version-signed.png"));

    browser.go("#/p/" + project + "/m/m/v/" + unsigned);
    browser.until(d -> d.findElement(By.tagName("h1")).getText().contains(unsigned));
    assertThat(browser.text(By.id("signature"))).isEqualTo("unsigned");
  }

  @Test
  void aSignatureTheCurrentPolicyNoLongerTrustsIsShownAsSuch() {
    String other = TestSigner.generate().policy("other");
    expect(
        http.send("PUT", "/api/v1/projects/" + project + "/trust", TestTokens.ADMIN, other), 200);
    browser.signIn(TestTokens.READER);
    browser.go("#/p/" + project + "/m/m/v/" + signed);
    assertThat(browser.text(By.id("signature")))
        .contains("signed by " + ci.hint())
        .contains("not trusted by the current policy");
  }

  @Test
  void theProductionConfirmationSaysWhetherTheTargetIsTrustedAndThatARequiredSignatureRefusesIt()
      throws Exception {
    admin
        .aliases()
        .put(project, "m", "production", AliasUpdate.version(unsigned, "before"), null, null);
    expect(
        http.patch(
            "/api/v1/projects/" + project,
            TestTokens.ADMIN,
            "{\"policies\":{\"require_signature\":true}}"),
        200);
    browser.signIn(TestTokens.APPROVER);
    browser.go("#/p/" + project + "/m/m/a/production");
    browser.until(d -> d.findElements(By.cssSelector("#timeline tbody tr")).size() == 1);

    review(signed);
    assertThat(browser.text(By.id("confirm-signature")))
        .contains(signed)
        .contains("signed by " + ci.hint())
        .contains("trusted");
    assertThat(browser.text(By.id("confirm-signature-ok")))
        .contains("signed by a trusted signer, as this project requires on @production");
    browser.screenshot(ConsoleData.screenshots().resolve("alias-confirm-signed.png"));
    browser.driver().findElement(By.xpath("//button[text()='Cancel']")).click();
    browser.until(d -> d.findElements(By.id("confirm")).isEmpty());

    review(alsoUnsigned);
    assertThat(browser.text(By.id("confirm-signature")))
        .contains(alsoUnsigned)
        .contains("unsigned");
    assertThat(browser.text(By.id("confirm-signature-refusal")))
        .contains("requires a trusted signature on @production")
        .contains("the registry will refuse this change")
        .contains("default=" + alsoUnsigned + " is unsigned: SIGNATURE_REQUIRED");
    assertThat(admin.aliases().get(project, "m", "production").generation())
        .as("nothing is sent before the confirmation")
        .isEqualTo(1);
  }

  @Test
  void withoutTheRequirementTheConfirmationOnlySaysWhatTheTargetIs() {
    browser.signIn(TestTokens.APPROVER);
    browser.go("#/p/" + project + "/m/m/a/production");
    review(unsigned);
    assertThat(browser.text(By.id("confirm-signature"))).contains("unsigned");
    assertThat(browser.text(By.id("confirm-signature-ok")))
        .isEqualTo("This project does not require signatures on this alias.");
    assertThat(browser.driver().findElements(By.id("confirm-signature-refusal"))).isEmpty();
  }

  @Test
  void theProjectPageListsTheTrustPolicyReadOnly() {
    browser.signIn(TestTokens.READER);
    browser.go("#/p/" + project + "/models");
    String policy = browser.text(By.id("trust-policy"));
    assertThat(policy)
        .contains("Trust policy")
        .contains("Version 1, set ")
        .contains("Trusted keys")
        .contains("ci " + ci.hint());
    assertThat(
            browser
                .driver()
                .findElements(By.cssSelector("#trust-policy input, #trust-policy button")))
        .as("read-only")
        .isEmpty();
  }

  @Test
  void theRolloutAndWhereItRunsShowTheSignerEachReplicaVerified() throws Exception {
    admin
        .aliases()
        .put(project, "m", "production", AliasUpdate.version(signed, "serve"), null, null);
    Instant now = Instant.now();
    InstanceReports.serving(
        admin,
        project,
        "verified-0",
        new LoadedVersion(signed, null, now, new VersionSignature("key", ci.hint(), now, null)));
    InstanceReports.serving(admin, project, "unchecked-0", new LoadedVersion(signed, null, now));
    browser.signIn(TestTokens.READER);

    browser.go("#/p/" + project + "/m/m/a/production/rollout");
    // Both pages redraw on the model's events (an instance report is one): text is read inside
    // the wait, never from an element kept across a redraw.
    String headers = browser.until(d -> d.findElement(By.cssSelector("#rollout thead")).getText());
    assertThat(headers).contains("Signed by");
    assertThat(rowText("verified-0")).contains("default=" + ci.hint());
    assertThat(rowText("unchecked-0")).doesNotContain(ci.hint());
    browser.screenshot(ConsoleData.screenshots().resolve("rollout-signers.png"));

    browser.go("#/p/" + project + "/m/m/v/" + signed);
    assertThat(rowText("verified-0")).contains("default=" + ci.hint());
  }

  /** The text of the table row of instance {@code id}, read in one go. */
  private String rowText(String id) {
    return browser.until(d -> d.findElement(By.xpath("//tr[td[text()='" + id + "']]")).getText());
  }

  /** Types {@code version} as the default pointer and opens the confirmation. */
  private void review(String version) {
    var pointer = browser.until(d -> d.findElement(By.id("ptr-default")));
    pointer.clear();
    pointer.sendKeys(version + "\n");
    browser.until(d -> d.findElement(By.id("confirm-signature")));
  }

  private static void expect(HttpResponse<String> answer, int status) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
  }
}
