package dev.cairn.registry.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Issue 26 items 13 and 14 in the real headless Chromium: the console signs in to an HttpOnly,
 * Secure, SameSite=Strict session cookie and keeps no token where page scripts could read it; a
 * cross-site POST without the CSRF token is refused with 403 and changes nothing; signing out ends
 * the session on the server; a session ended elsewhere sends the console to the sign-in form
 * instead of retrying.
 */
class SessionCookieConsoleTest extends ConsoleSession {

  private static final Pattern CSRF_REFUSALS =
      Pattern.compile("cairn_auth_failures_total\\{reason=\"csrf\"} ([0-9.]+)");

  @Test
  void theSessionCookieIsHttpOnlySecureStrictAndNoScriptCanReadTheToken() {
    browser.signIn(TestTokens.ADMIN);
    browser.go("#/projects");
    untilProjectListed();

    Cookie cookie = browser.driver().manage().getCookieNamed("cairn_session");
    assertThat(cookie).isNotNull();
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.isSecure()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Strict");
    assertThat(cookie.getPath()).isEqualTo("/");
    assertThat(cookie.getExpiry().toInstant())
        .isBetween(
            Instant.now().plus(Duration.ofHours(11)), Instant.now().plus(Duration.ofHours(12)));
    assertThat(cookie.getValue()).doesNotContain(TestTokens.ADMIN);

    String visible =
        (String)
            browser.script(
                "return [document.cookie, JSON.stringify({...sessionStorage}),"
                    + " JSON.stringify({...localStorage}), location.href,"
                    + " document.documentElement.outerHTML,"
                    + " performance.getEntries().map((e) => e.name).join(' ')].join('\\n')");
    assertThat(visible)
        .doesNotContain(TestTokens.ADMIN)
        .doesNotContain(cookie.getValue())
        .doesNotContain("cairn_session");
    assertThat(browser.script("return sessionStorage.length + localStorage.length")).isEqualTo(0L);
  }

  @Test
  void aCrossSitePostWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
    browser.signIn(TestTokens.ADMIN);
    String project = TestRegistry.uniqueProject("csrf-ui");
    double before = csrfRefusals();

    try (CrossSitePage attacker =
        CrossSitePage.posting(
            registry.uri().resolve("/api/v1/projects"), "{\"name\":\"" + project + "\"}")) {
      browser.driver().get(attacker.uri().toString());
      browser.until(d -> d.getTitle().equals("sent") ? true : null);
    }

    assertThat(csrfRefusals()).isGreaterThan(before);
    assertThat(registry.http().get("/api/v1/projects/" + project, TestTokens.ADMIN).statusCode())
        .isEqualTo(404);

    // Even a script of the console's own origin gets nowhere with the cookie alone.
    browser.go("#/projects");
    untilProjectListed();
    Object answer =
        ((JavascriptExecutor) browser.driver())
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch('/api/v1/projects', {method: 'POST',"
                    + " headers: {'Content-Type': 'application/json'},"
                    + " body: JSON.stringify({name: arguments[0]})})"
                    + ".then(async (r) => done(r.status + ' ' + (await r.json()).code));",
                project);
    assertThat(answer).isEqualTo("403 CSRF_REJECTED");
    assertThat(registry.http().get("/api/v1/projects/" + project, TestTokens.ADMIN).statusCode())
        .isEqualTo(404);
  }

  @Test
  void signingOutEndsTheSessionOnTheServer() {
    browser.signIn(TestTokens.PUBLISHER);
    String value = browser.driver().manage().getCookieNamed("cairn_session").getValue();

    browser.driver().findElement(By.id("signout")).click();
    browser.until(d -> d.findElement(By.id("token")));

    assertThat(browser.driver().manage().getCookieNamed("cairn_session")).isNull();
    var replayed =
        registry
            .http()
            .send("GET", "/api/v1/whoami", null, null, Map.of("Cookie", "cairn_session=" + value));
    assertThat(replayed.statusCode()).isEqualTo(401);
    browser.driver().navigate().refresh();
    browser.until(d -> d.findElement(By.id("token")));
    assertThat(browser.text(By.id("who"))).isEmpty();
  }

  @Test
  void aSessionEndedElsewhereSendsTheConsoleToSignInInsteadOfRetrying() {
    browser.signIn(TestTokens.ADMIN);
    browser.go("#/projects");
    untilProjectListed();
    String value = browser.driver().manage().getCookieNamed("cairn_session").getValue();
    String cookie = "cairn_session=" + value;
    var shown =
        registry.http().send("GET", "/api/v1/session", null, null, Map.of("Cookie", cookie));
    String csrf = shown.body().replaceAll(".*\"csrf_token\":\"([^\"]+)\".*", "$1");
    String origin = "http://127.0.0.1:" + registry.uri().getPort();
    var ended =
        registry
            .http()
            .send(
                "DELETE",
                "/api/v1/session",
                null,
                null,
                Map.of("Cookie", cookie, "X-CSRF-Token", csrf, "Origin", origin));
    assertThat(ended.statusCode()).isEqualTo(204);

    browser.go("#/p/" + data.project() + "/models");

    browser.until(d -> d.findElement(By.id("token")));
    assertThat(browser.text(By.id("who"))).isEmpty();
  }

  private double csrfRefusals() {
    String metrics = registry.http().get("/metrics", null).body();
    Matcher m = CSRF_REFUSALS.matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  /**
   * Projects come 25 a page in name order and other test classes add theirs to the shared registry,
   * so the console's project may be on a later page (as {@link ConsoleTest} pages too).
   */
  private void untilProjectListed() {
    browser.until(
        d -> {
          if (browser.mainText().contains(data.project())) {
            return true;
          }
          d.findElement(By.linkText("Next page")).click();
          return null;
        });
  }
}
