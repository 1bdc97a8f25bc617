package dev.cairn.registry.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.RegistryServer;
import dev.cairn.registry.testing.TestJwts;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 26 items 13 and 15 with an identity provider: a session never outlives the JWT it was
 * opened with; a JWT sent as {@code Cookie: access_token=…} reads, and writes with the CSRF token
 * {@code GET /api/v1/session} derives for it. The registry runs in plain-HTTP development mode with
 * 1-hour sessions, so the cookie lacks {@code Secure} and lives at most an hour.
 */
class CookieJwtTest {

  private static final String ISSUER = "https://login.example.test";
  private static final String AUDIENCE = "cairn";

  private static RSAKey signingKey;
  private static TestRegistry registry;
  private static SessionCalls calls;
  private static final List<String> startLog = new CopyOnWriteArrayList<>();
  // Held here: JUL keeps loggers weakly, and a collected one would come back without the handler.
  private static final Logger SERVER_LOG = Logger.getLogger(RegistryServer.class.getName());
  private static final Handler LOG_CAPTURE =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          startLog.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeAll
  static void start() throws Exception {
    signingKey = new RSAKeyGenerator(2048).keyID("k1").generate();
    Path dir = Files.createDirectories(Path.of("target", "cookie-jwt-test"));
    Path jwks = dir.resolve("jwks.json");
    Files.writeString(jwks, new JWKSet(signingKey.toPublicJWK()).toString());
    SERVER_LOG.addHandler(LOG_CAPTURE);
    registry =
        TestRegistry.start(
            Map.of(
                "CAIRN_JWT_JWKS_FILE", jwks.toString(),
                "CAIRN_JWT_ISSUER", ISSUER,
                "CAIRN_JWT_AUDIENCE", AUDIENCE,
                "CAIRN_JWT_ROLES_CLAIM", "scope",
                "CAIRN_ENVIRONMENT", "development",
                "CAIRN_SESSION_SECURE_COOKIE", "false",
                "CAIRN_SESSION_MAX_HOURS", "1"));
    calls = new SessionCalls(registry.http(), registry.uri());
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named("qc"));
  }

  @AfterAll
  static void stop() {
    SERVER_LOG.removeHandler(LOG_CAPTURE);
    registry.close();
  }

  @Test
  void thePlainHttpDevelopmentModeIsSaidInTheLog() {
    assertThat(startLog)
        .anySatisfy(line -> assertThat(line).contains("without Secure").contains("development"));
  }

  private static String jwt(Duration validFor) throws Exception {
    return TestJwts.signed(signingKey, ISSUER, AUDIENCE, "model:write", List.of("qc"), validFor);
  }

  @Test
  void aSessionEndsNoLaterThanItsJwtAndAStoredTokenGetsTheConfiguredMaximum() throws Exception {
    SessionCalls.Opened fromJwt = calls.open(jwt(Duration.ofMinutes(5)));
    SessionCalls.Opened fromToken = calls.open(TestTokens.ADMIN);

    long jwtMaxAge = maxAge(fromJwt.setCookie());
    assertThat(jwtMaxAge).isBetween(200L, 300L);
    assertThat(fromJwt.body().get("name").asText()).isEqualTo("alice");
    assertThat(maxAge(fromToken.setCookie())).isEqualTo(3600);
    assertThat(fromToken.setCookie()).doesNotContain("Secure").contains("HttpOnly");
  }

  @Test
  void aJwtCookieReadsAndWritesOnlyWithItsCsrfTokenFromTheOwnOrigin() throws Exception {
    String cookie = "access_token=" + jwt(Duration.ofMinutes(5));
    String body = "{\"name\":\"by-cookie-jwt\"}";

    var read = calls.read("/api/v1/projects/qc/models", cookie);
    var withoutCsrf =
        calls.send(
            "POST",
            "/api/v1/projects/qc/models",
            cookie,
            Optional.of(calls.ownOrigin()),
            Optional.empty(),
            body);
    String csrf = calls.csrfOf(cookie);
    var foreign =
        calls.send(
            "POST",
            "/api/v1/projects/qc/models",
            cookie,
            Optional.of("http://evil.example"),
            Optional.of(csrf),
            body);
    var written =
        calls.send(
            "POST",
            "/api/v1/projects/qc/models",
            cookie,
            Optional.of(calls.ownOrigin()),
            Optional.of(csrf),
            body);

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(withoutCsrf.statusCode()).isEqualTo(403);
    assertThat(withoutCsrf.body()).contains("CSRF_REJECTED");
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
    assertThat(registry.client(TestTokens.ADMIN).models().get("qc", "by-cookie-jwt").createdBy())
        .isEqualTo("alice");
  }

  @Test
  void anotherJwtsCsrfTokenDoesNotFit() throws Exception {
    String mine = "access_token=" + jwt(Duration.ofMinutes(5));
    String theirs = "access_token=" + jwt(Duration.ofMinutes(6));
    String theirCsrf = calls.csrfOf(theirs);

    var refused =
        calls.send(
            "POST",
            "/api/v1/projects/qc/models",
            mine,
            Optional.of(calls.ownOrigin()),
            Optional.of(theirCsrf),
            "{\"name\":\"not-written\"}");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(
            registry
                .http()
                .get("/api/v1/projects/qc/models/not-written", TestTokens.ADMIN)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void anExpiredOrForeignJwtCookieIsRefusedNamingTheSessionEndpoint() throws Exception {
    for (String value : List.of(jwt(Duration.ofMinutes(-5)), "not-a-jwt", TestTokens.ADMIN)) {
      var res = calls.read("/api/v1/projects", "access_token=" + value);
      assertThat(res.statusCode()).as(value).isEqualTo(401);
      assertThat(res.body()).contains("POST /api/v1/session");
    }
  }

  private static long maxAge(String setCookie) {
    var m = Pattern.compile("Max-Age=(\\d+)").matcher(setCookie);
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }
}
