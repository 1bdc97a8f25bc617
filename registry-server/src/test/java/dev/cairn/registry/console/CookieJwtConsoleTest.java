package dev.cairn.registry.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.TestJwts;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Issue 26 item 15 in the real headless Chromium: a JWT the browser holds as {@code access_token}
 * cookie (what seed 001's clients set) signs the console in; a write from the page without the CSRF
 * token is 403, and the console's own write, carrying the token {@code GET /api/v1/session} derived
 * for that JWT, is recorded under the JWT's subject.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CookieJwtConsoleTest {

  private static final String ISSUER = "https://login.example.test";
  private static final String AUDIENCE = "cairn";

  private RSAKey key;
  private TestRegistry registry;
  private Browser browser;

  @BeforeAll
  void start() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
    Path dir = Files.createDirectories(Path.of("target", "cookie-jwt-console-test"));
    Path jwks = dir.resolve("jwks.json");
    Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());
    registry =
        TestRegistry.start(
            Map.of(
                "CAIRN_JWT_JWKS_FILE",
                jwks.toString(),
                "CAIRN_JWT_ISSUER",
                ISSUER,
                "CAIRN_JWT_AUDIENCE",
                AUDIENCE,
                "CAIRN_JWT_ROLES_CLAIM",
                "scope"));
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named("qc"));
    browser = Browser.open(registry.uri());
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    registry.close();
  }

  @Test
  void anAccessTokenCookieSignsTheConsoleInAndWritesOnlyWithItsCsrfToken() throws Exception {
    String jwt =
        TestJwts.signed(
            key, ISSUER, AUDIENCE, "model:write", List.of("qc"), Duration.ofMinutes(10));
    browser.go("#/signin");
    browser
        .driver()
        .manage()
        .addCookie(
            new Cookie.Builder("access_token", jwt)
                .path("/")
                .isHttpOnly(true)
                .sameSite("Strict")
                .build());

    browser.go("#/projects");
    browser.until(d -> d.findElement(By.id("who")).getText().startsWith("alice") ? true : null);
    browser.until(d -> browser.mainText().contains("qc"));

    JavascriptExecutor page = (JavascriptExecutor) browser.driver();
    Object bare =
        page.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch('/api/v1/projects/qc/models', {method: 'POST',"
                + " headers: {'Content-Type': 'application/json'},"
                + " body: JSON.stringify({name: 'no-csrf'})})"
                + ".then(async (r) => done(r.status + ' ' + (await r.json()).code));");
    Object console =
        page.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "import('/ui/api.js').then((api) =>"
                + " api.call('POST', '/api/v1/projects/qc/models', {body: {name: 'by-console'}}))"
                + ".then(() => done('created'), (e) => done('refused ' + e.code));");

    assertThat(bare).isEqualTo("403 CSRF_REJECTED");
    assertThat(console).isEqualTo("created");
    assertThat(
            registry
                .http()
                .get("/api/v1/projects/qc/models/no-csrf", TestTokens.ADMIN)
                .statusCode())
        .isEqualTo(404);
    assertThat(registry.client(TestTokens.ADMIN).models().get("qc", "by-console").createdBy())
        .isEqualTo("alice");
    assertThat(browser.script("return document.cookie")).isEqualTo("");
  }
}
