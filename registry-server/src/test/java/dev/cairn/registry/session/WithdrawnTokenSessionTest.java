package dev.cairn.registry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.registry.auth.TokenHashes;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A session opened with a tokens-file token follows the file, as the bearer token would: new roles
 * apply at once, and removing the token ends its sessions (issue 26 item 14: roles work exactly as
 * with bearer tokens).
 */
class WithdrawnTokenSessionTest {

  private static final String TOKEN = "withdrawn-test-token";

  private static TestRegistry registry;
  private static Path tokens;
  private static SessionCalls calls;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "withdrawn-token-test"));
    tokens = dir.resolve("tokens.yaml");
    write("[reader]");
    registry = TestRegistry.start(Map.of("CAIRN_TOKENS_FILE", tokens.toString()));
    calls = new SessionCalls(registry.http(), registry.uri());
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  private static void write(String roles) throws Exception {
    String yaml =
        roles.isEmpty()
            ? "tokens: []\n"
            : "tokens:\n  - name: kim\n    sha256: "
                + TokenHashes.sha256Hex(TOKEN)
                + "\n    roles: "
                + roles
                + "\n    projects: [\"*\"]\n";
    Path next = tokens.resolveSibling("tokens.yaml.next");
    Files.writeString(next, yaml);
    Files.move(next, tokens, StandardCopyOption.ATOMIC_MOVE);
  }

  @Test
  void theSessionTakesTheTokensNewRolesAndEndsWhenTheTokenIsWithdrawn() throws Exception {
    SessionCalls.Opened session = calls.open(TOKEN);
    String cookie = session.cookieHeader();
    String project = TestRegistry.uniqueProject("kim");

    assertThat(
            calls
                .write("POST", "/api/v1/projects", session, "{\"name\":\"" + project + "\"}")
                .statusCode())
        .isEqualTo(403);
    write("[admin]");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> calls.read("/api/v1/whoami", cookie).body().contains("admin"));
    assertThat(
            calls
                .write("POST", "/api/v1/projects", session, "{\"name\":\"" + project + "\"}")
                .statusCode())
        .isEqualTo(201);

    write("");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> calls.read("/api/v1/whoami", cookie).statusCode() == 401);
    var after = calls.read("/api/v1/whoami", cookie);
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(registry.http().get("/api/v1/whoami", TestTokens.ADMIN).statusCode()).isEqualTo(200);
  }
}
