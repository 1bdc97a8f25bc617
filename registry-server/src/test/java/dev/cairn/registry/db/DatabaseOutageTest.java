package dev.cairn.registry.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.registry.RegistryServer;
import dev.cairn.registry.config.SettingsLoader;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An external PostgreSQL that goes away: the registry answers 503 {@code UNAVAILABLE} with
 * Retry-After, reports not ready, and recovers by itself when the database returns.
 */
class DatabaseOutageTest {

  @TempDir Path pgData;
  @TempDir Path dataDir;

  @Test
  void answers503WhileTheDatabaseIsDownAndRecoversWithoutRestart() throws IOException {
    int port = freePort();
    EmbeddedPostgres postgres = start(port);
    Map<String, String> env =
        Map.of(
            "CAIRN_DB_URL",
            postgres.getJdbcUrl("postgres", "postgres"),
            "CAIRN_BOOTSTRAP_ADMIN_TOKEN",
            TestTokens.ADMIN,
            "CAIRN_DATA_DIR",
            dataDir.toString(),
            "CAIRN_HOST",
            "127.0.0.1",
            "CAIRN_PORT",
            "0");
    try (RegistryServer registry = RegistryServer.start(SettingsLoader.load(env))) {
      Http http = new Http(registry.uri());
      assertThat(
              http.post("/api/v1/projects", TestTokens.ADMIN, "{\"name\":\"durable\"}")
                  .statusCode())
          .isEqualTo(201);

      postgres.close();

      HttpResponse<String> down = http.get("/api/v1/projects/durable", TestTokens.ADMIN);
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body())
          .contains("\"code\":\"UNAVAILABLE\"")
          .doesNotContain("jdbc:", "Exception");
      assertThat(down.headers().firstValue("Retry-After")).contains("5");
      assertThat(http.get("/health/ready", null).statusCode()).isEqualTo(503);

      postgres = start(port);

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(http.get("/api/v1/projects/durable", TestTokens.ADMIN).statusCode())
                      .isEqualTo(200));
      assertThat(http.get("/health/ready", null).statusCode()).isEqualTo(200);
    } finally {
      postgres.close();
    }
  }

  private EmbeddedPostgres start(int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setPort(port)
        .setDataDirectory(pgData)
        .setCleanDataDirectory(false)
        .start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
