package dev.cairn.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.cairn.client.model.AuditQuery;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.Http;
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

/** Tokens file (re-read on change), JWT through a JWKS file, and CORS, on a registry of its own. */
class AuthenticationTest {

  private static final String ISSUER = "https://login.example.test";
  private static final String AUDIENCE = "cairn";

  private static RSAKey signingKey;
  private static RSAKey strangerKey;
  private static TestRegistry registry;
  private static Http http;

  @BeforeAll
  static void start() throws Exception {
    signingKey = new RSAKeyGenerator(2048).keyID("k1").generate();
    strangerKey = new RSAKeyGenerator(2048).keyID("k1").generate();
    Path jwks = Files.createTempFile("jwks", ".json");
    Files.writeString(jwks, new JWKSet(signingKey.toPublicJWK()).toString());
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
                "scope",
                "CAIRN_ALLOWED_ORIGINS",
                "https://ui.example.test"));
    http = registry.http();
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named("qc"));
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void acceptsJwtWithScopeRolesAndProjects() throws Exception {
    String token =
        jwt(signingKey, "model:read model:write", List.of("qc"), Duration.ofMinutes(5), AUDIENCE);

    assertThat(http.get("/api/v1/projects/qc/models", token).statusCode()).isEqualTo(200);
    assertThat(
            http.post("/api/v1/projects/qc/models", token, "{\"name\":\"from-jwt\"}").statusCode())
        .isEqualTo(201);
    assertThat(registry.client(TestTokens.ADMIN).models().get("qc", "from-jwt").createdBy())
        .isEqualTo("alice");
    assertThat(http.get("/api/v1/audit/verify", token).statusCode()).isEqualTo(403);
  }

  @Test
  void aJwtWithTheSidecarRoleReportsInstancesAndOwnsTheIdUnderItsSubject() throws Exception {
    String sidecar = jwt(signingKey, "sidecar", List.of("qc"), Duration.ofMinutes(5), AUDIENCE);
    String publisher =
        jwt(signingKey, "model:write", List.of("qc"), Duration.ofMinutes(5), AUDIENCE);
    registry.client(TestTokens.ADMIN).models().create("qc", ModelCreate.named("jwt-served"));
    String report = "{\"model\":\"jwt-served\",\"alias\":\"production\",\"state\":\"LOADING\"}";

    var bySidecar = http.send("PUT", "/api/v1/projects/qc/instances/jwt-pod", sidecar, report);
    var byPublisher =
        http.send("PUT", "/api/v1/projects/qc/instances/jwt-pod-2", publisher, report);
    var byOtherToken =
        http.send("PUT", "/api/v1/projects/qc/instances/jwt-pod", TestTokens.OTHER_SIDECAR, report);

    assertThat(bySidecar.statusCode()).as(bySidecar.body()).isEqualTo(200);
    assertThat(byPublisher.statusCode()).isEqualTo(403);
    assertThat(byOtherToken.statusCode()).isEqualTo(403);
    assertThat(byOtherToken.body()).contains("INSTANCE_OWNED_BY_OTHER");
    assertThat(http.post("/api/v1/projects/qc/models", sidecar, "{\"name\":\"nope\"}").statusCode())
        .isEqualTo(403);
  }

  @Test
  void refusesExpiredForeignAndMisaddressedJwts() throws Exception {
    String expired = jwt(signingKey, "model:admin", List.of("*"), Duration.ofMinutes(-5), AUDIENCE);
    String foreign = jwt(strangerKey, "model:admin", List.of("*"), Duration.ofMinutes(5), AUDIENCE);
    String otherAudience =
        jwt(signingKey, "model:admin", List.of("*"), Duration.ofMinutes(5), "billing");

    for (String token : List.of(expired, foreign, otherAudience)) {
      assertThat(http.get("/api/v1/projects", token).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void auditsRefusedTokensOfKnownIdentitiesOnly() throws Exception {
    String expired = jwt(signingKey, "model:admin", List.of("*"), Duration.ofMinutes(-5), AUDIENCE);
    String foreign = jwt(strangerKey, "model:admin", List.of("*"), Duration.ofMinutes(5), AUDIENCE);
    long before = authFailures();

    assertThat(http.get("/api/v1/projects/qc/models", expired).statusCode()).isEqualTo(401);
    assertThat(http.get("/api/v1/projects/qc/models", foreign).statusCode()).isEqualTo(401);
    assertThat(http.get("/api/v1/projects/qc/models", "not-a-token").statusCode()).isEqualTo(401);

    // Only the expired token was issued by a trusted key: one entry, under its subject, no token.
    assertThat(authFailures()).isEqualTo(before + 1);
    assertThat(registry.client(TestTokens.ADMIN).audit().list("qc", qcAuthFailures()).items())
        .allSatisfy(
            entry -> {
              assertThat(entry.actor()).isEqualTo("alice");
              assertThat(entry.project()).isEqualTo("qc");
              assertThat(entry.reason()).contains("expired");
              assertThat(entry.toString()).doesNotContain(expired);
            });
  }

  @Test
  void aFloodOfRefusalsWritesOneEntryAndNoneIntoMissingProjects() throws Exception {
    // Before: every refusal was an entry (380/s from one client), in projects that do not exist.
    String expired = jwt(signingKey, "model:admin", List.of("*"), Duration.ofMinutes(-5), AUDIENCE);
    http.get("/api/v1/projects/qc/models", expired);
    long before = authFailures();
    for (int i = 0; i < 50; i++) {
      assertThat(http.get("/api/v1/projects/qc/models", expired).statusCode()).isEqualTo(401);
      http.get("/api/v1/projects/no-such-project-" + i + "/models", expired);
    }
    assertThat(authFailures()).isEqualTo(before);
    try (var c = registry.sql();
        var rows =
            c.createStatement()
                .executeQuery(
                    "SELECT COUNT(*) FROM audit_log WHERE project LIKE 'no-such-project-%'")) {
      rows.next();
      assertThat(rows.getLong(1)).isZero();
    }
  }

  private long authFailures() {
    return registry.client(TestTokens.ADMIN).audit().list("qc", qcAuthFailures()).items().size();
  }

  private static AuditQuery qcAuthFailures() {
    return new AuditQuery(null, "AUTH_FAILED", null, null, null, 1000, null);
  }

  @Test
  void jwtProjectsScopeVisibility() throws Exception {
    String token = jwt(signingKey, "model:read", List.of("other"), Duration.ofMinutes(5), AUDIENCE);

    assertThat(http.get("/api/v1/projects/qc/models", token).statusCode()).isEqualTo(404);
    assertThat(http.get("/api/v1/projects", token).body()).doesNotContain("\"qc\"");
  }

  @Test
  void tokensFileIsReReadWhenItChanges() throws Exception {
    Path file = registry.dataDir().resolve("tokens.yaml");
    String newToken = "freshly-issued-token";
    assertThat(http.get("/api/v1/projects", newToken).statusCode()).isEqualTo(401);

    Files.writeString(
        file,
        Files.readString(file)
            + "  - name: late-reader\n    sha256: "
            + TokenHashes.sha256Hex(newToken)
            + "\n    roles: [reader]\n    projects: [\"*\"]\n");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(http.get("/api/v1/projects", newToken).statusCode()).isEqualTo(200));
    assertThat(http.get("/api/v1/projects", TestTokens.READER).statusCode()).isEqualTo(200);
  }

  @Test
  void failedAuthenticationsAreCountedInMetrics() {
    http.get("/api/v1/projects", "wrong-token");
    http.get("/api/v1/projects", null);

    String metrics = http.get("/metrics", null).body();
    assertThat(metrics).contains("cairn_auth_failures_total{reason=\"invalid\"}");
    assertThat(metrics).contains("cairn_auth_failures_total{reason=\"missing\"}");
    assertThat(metrics).doesNotContain("wrong-token");
  }

  @Test
  void corsAnswersListedOriginsOnly() {
    var preflight =
        http.send(
            "OPTIONS",
            "/api/v1/projects",
            null,
            null,
            Map.of("Origin", "https://ui.example.test", "Access-Control-Request-Method", "POST"));
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://ui.example.test");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
        .contains("Authorization");

    var refused =
        http.send(
            "OPTIONS",
            "/api/v1/projects",
            null,
            null,
            Map.of("Origin", "https://evil.example.test", "Access-Control-Request-Method", "POST"));
    assertThat(refused.statusCode()).isEqualTo(403);

    var simple =
        http.send(
            "GET",
            "/api/v1/projects",
            TestTokens.READER,
            null,
            Map.of("Origin", "https://evil.example.test"));
    assertThat(simple.statusCode()).isEqualTo(200);
    assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  private static String jwt(
      RSAKey key, String scope, List<String> projects, Duration validFor, String audience)
      throws Exception {
    return TestJwts.signed(key, ISSUER, audience, scope, projects, validFor);
  }
}
