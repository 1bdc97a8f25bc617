package dev.cairn.registry.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.RegistryServer;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.SecondReplica;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 26 item 13 over HTTP: a bearer token is exchanged for an HttpOnly session cookie; reads
 * with the cookie pass, writes need the session's CSRF token and the registry's own Origin (else
 * 403 {@code CSRF_REJECTED} and nothing changes); the audit records the token's identity; logout
 * ends the session on every replica.
 */
class SessionApiTest {

  private final TestRegistry registry = TestRegistry.shared();
  private final SessionCalls calls = new SessionCalls(registry.http(), registry.uri());

  @Test
  void aBearerTokenOpensAStrictHttpOnlySecureCookieThatCarriesNoToken() {
    SessionCalls.Opened session = calls.open(TestTokens.PUBLISHER);

    assertThat(session.setCookie())
        .matches(
            "cairn_session=[A-Za-z0-9_-]{43}; Path=/; Max-Age=43200; HttpOnly; Secure;"
                + " SameSite=Strict");
    assertThat(session.cookie()).doesNotContain(TestTokens.PUBLISHER);
    assertThat(session.body().get("name").asText()).isEqualTo("publisher");
    assertThat(session.body().get("csrf_token").asText()).hasSizeGreaterThan(30);
    assertThat(session.body().toString()).doesNotContain(TestTokens.PUBLISHER);

    HttpResponse<String> whoami = calls.read("/api/v1/whoami", session.cookieHeader());
    assertThat(whoami.statusCode()).isEqualTo(200);
    assertThat(whoami.body()).contains("\"publisher\"");
    HttpResponse<String> again = calls.read("/api/v1/session", session.cookieHeader());
    assertThat(SessionCalls.json(again).get("csrf_token").asText()).isEqualTo(session.csrf());
    assertThat(again.headers().firstValue("Cache-Control")).contains("no-store");
  }

  @Test
  void aCookieWriteWithoutTheCsrfTokenOrFromAnotherOriginIsRefusedAndChangesNothing() {
    SessionCalls.Opened session = calls.open(TestTokens.ADMIN);
    String cookie = session.cookieHeader();
    String project = TestRegistry.uniqueProject("csrf");
    String body = "{\"name\":\"" + project + "\"}";

    var noToken =
        calls.send(
            "POST",
            "/api/v1/projects",
            cookie,
            Optional.of(calls.ownOrigin()),
            Optional.empty(),
            body);
    var wrongToken =
        calls.send(
            "POST",
            "/api/v1/projects",
            cookie,
            Optional.of(calls.ownOrigin()),
            Optional.of("guess"),
            body);
    var foreignOrigin =
        calls.send(
            "POST",
            "/api/v1/projects",
            cookie,
            Optional.of("http://evil.example"),
            Optional.of(session.csrf()),
            body);
    var noOrigin =
        calls.send(
            "POST",
            "/api/v1/projects",
            cookie,
            Optional.empty(),
            Optional.of(session.csrf()),
            body);

    for (var refused : List.of(noToken, wrongToken, foreignOrigin, noOrigin)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
      assertThat(refused.body()).contains("\"code\":\"CSRF_REJECTED\"");
    }
    assertThat(registry.http().get("/api/v1/projects/" + project, TestTokens.ADMIN).statusCode())
        .isEqualTo(404);
  }

  @Test
  void aCookieWriteWithTheCsrfTokenIsAuditedUnderTheTokensIdentity() {
    SessionCalls.Opened session = calls.open(TestTokens.ADMIN);
    String project = TestRegistry.uniqueProject("audited");

    var created =
        calls.write("POST", "/api/v1/projects", session, "{\"name\":\"" + project + "\"}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    var audit = registry.http().get("/api/v1/projects/" + project + "/audit", TestTokens.ADMIN);
    assertThat(audit.body())
        .contains("\"actor\":\"bootstrap-admin\"")
        .doesNotContain("\"actor\":\"cookie");
    assertThat(registry.client(TestTokens.ADMIN).projects().get(project).createdBy())
        .isEqualTo("bootstrap-admin");
  }

  @Test
  void rolesOfASessionAreTheTokensRoles() {
    SessionCalls.Opened reader = calls.open(TestTokens.READER);
    String project = TestRegistry.uniqueProject("reader");

    var refused = calls.write("POST", "/api/v1/projects", reader, "{\"name\":\"" + project + "\"}");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain("CSRF_REJECTED");
  }

  @Test
  void logoutEndsTheSessionOnEveryReplicaAndClearsTheCookie() throws Exception {
    SessionCalls.Opened session = calls.open(TestTokens.ADMIN);
    String cookie = session.cookieHeader();
    try (RegistryServer replica = SecondReplica.of(registry)) {
      SessionCalls other = new SessionCalls(new Http(replica.uri()), replica.uri());
      assertThat(other.read("/api/v1/whoami", cookie).statusCode()).isEqualTo(200);

      var out = calls.write("DELETE", "/api/v1/session", session, null);

      assertThat(out.statusCode()).isEqualTo(204);
      assertThat(out.headers().firstValue("Set-Cookie").orElseThrow())
          .startsWith("cairn_session=;")
          .contains("Max-Age=0");
      var after = other.read("/api/v1/whoami", cookie);
      assertThat(after.statusCode()).isEqualTo(401);
      assertThat(after.body()).contains("POST /api/v1/session");
      assertThat(after.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
    }
  }

  @Test
  void aSessionIsOpenedOnlyWithABearerTokenAndOnlyFromTheOwnOrigin() {
    SessionCalls.Opened session = calls.open(TestTokens.ADMIN);

    var byCookie = calls.write("POST", "/api/v1/session", session, null);
    var foreign =
        registry
            .http()
            .send(
                "POST",
                "/api/v1/session",
                TestTokens.ADMIN,
                null,
                Map.of("Origin", "http://evil.example"));

    assertThat(byCookie.statusCode()).isEqualTo(401);
    assertThat(byCookie.body()).contains("Authorization: Bearer");
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(foreign.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void bearerRequestsNeedNoCsrfTokenAndHaveNoSession() {
    String project = TestRegistry.uniqueProject("bearer");

    var created =
        registry
            .http()
            .post("/api/v1/projects", TestTokens.ADMIN, "{\"name\":\"" + project + "\"}");
    var session = registry.http().get("/api/v1/session", TestTokens.ADMIN);

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(session.statusCode()).isEqualTo(404);
    assertThat(session.body()).contains("SESSION_NOT_FOUND");
    registry.client(TestTokens.ADMIN).projects().get(project);
  }
}
