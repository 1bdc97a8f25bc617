package dev.cairn.registry.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.registry.RegistryServer;
import dev.cairn.registry.config.SettingsLoader;
import dev.cairn.registry.db.DataSourceSpec;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TcpProxy;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Finding 11: while the database is known to be down, requests and {@code /health/ready} answer 503
 * at once instead of each waiting out the 5 s pool timeout; when it is back, so is the registry.
 */
class DatabaseOutageFailsFastTest {

  @Test
  void aKnownOutageIsAnsweredInMillisecondsAndRecoveryIsNoticed() throws Exception {
    var source = TestRegistry.shared().server().dataSource();
    URI db = URI.create(source.url().substring("jdbc:".length()));
    try (TcpProxy proxy = new TcpProxy(db.getHost(), db.getPort());
        RegistryServer registry = throughProxy(proxy, source)) {
      Http http = new Http(registry.uri());
      assertThat(http.get("/api/v1/projects", TestTokens.READER).statusCode()).isEqualTo(200);

      proxy.cut();
      assertThat(http.get("/api/v1/projects", TestTokens.READER).statusCode()).isEqualTo(503);
      long slowest = 0;
      for (int i = 0; i < 10; i++) {
        long start = System.nanoTime();
        assertThat(http.get("/api/v1/projects", TestTokens.READER).statusCode()).isEqualTo(503);
        assertThat(http.get("/health/ready", null).statusCode()).isEqualTo(503);
        slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
      }
      // Before: every one of these took the pool's 5,000 ms connection timeout.
      assertThat(slowest).as("slowest pair of answers, ms").isLessThan(1_500);

      proxy.restore();
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () ->
                  assertThat(http.get("/api/v1/projects", TestTokens.READER).statusCode())
                      .isEqualTo(200));
    }
  }

  private static RegistryServer throughProxy(TcpProxy proxy, DataSourceSpec source)
      throws Exception {
    var dataDir = Files.createTempDirectory("cairn-outage");
    Map<String, String> env = new HashMap<>();
    env.put("CAIRN_DB_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres");
    env.put("CAIRN_DB_USER", source.user());
    env.put("CAIRN_DB_PASSWORD", source.password().isEmpty() ? "unused" : source.password());
    env.put("CAIRN_BOOTSTRAP_ADMIN_TOKEN", TestTokens.ADMIN);
    env.put("CAIRN_AUDIT_KEY", TestRegistry.shared().auditKey());
    env.put("CAIRN_TOKENS_FILE", TestTokens.writeTokensFile(dataDir).toString());
    env.put("CAIRN_DATA_DIR", dataDir.toString());
    env.put("CAIRN_HOST", "127.0.0.1");
    env.put("CAIRN_PORT", "0");
    return RegistryServer.start(SettingsLoader.load(env));
  }
}
