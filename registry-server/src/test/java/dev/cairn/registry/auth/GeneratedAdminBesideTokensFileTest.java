package dev.cairn.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.RegistryServer;
import dev.cairn.registry.config.SettingsLoader;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adding a tokens file to a quick-start registry keeps its generated admin token valid (the CLI and
 * sidecars that use it go on working), and the start names every active identity source.
 */
class GeneratedAdminBesideTokensFileTest {

  @TempDir Path dataDir;
  @TempDir Path config;

  private final Logger logger = Logger.getLogger(AuthSetup.class.getName());
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() >= Level.INFO.intValue()) {
            lines.add(record.getMessage());
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private Level levelBefore;

  @BeforeEach
  void captureLog() {
    levelBefore = logger.getLevel();
    logger.setLevel(Level.INFO);
    logger.addHandler(capture);
  }

  @AfterEach
  void releaseLog() {
    logger.removeHandler(capture);
    logger.setLevel(levelBefore);
  }

  @Test
  void keepsTheGeneratedAdminTokenValidWhenATokensFileIsAdded() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.putAll(
        Map.of("CAIRN_DATA_DIR", dataDir.toString(), "CAIRN_PORT", "0", "CAIRN_HOST", "127.0.0.1"));
    String token;
    try (RegistryServer first = RegistryServer.start(SettingsLoader.load(env))) {
      token = first.bootstrap().newToken().orElseThrow();
    }
    assertThat(lines)
        .contains(
            "identity sources: generated admin token (" + dataDir.resolve("admin-token") + ")");

    lines.clear();
    Path tokensFile = TestTokens.writeTokensFile(config);
    env.put("CAIRN_TOKENS_FILE", tokensFile.toString());
    try (RegistryServer second = RegistryServer.start(SettingsLoader.load(env))) {
      Http http = new Http(second.uri());
      assertThat(http.post("/api/v1/projects", token, "{\"name\":\"kept\"}").statusCode())
          .as("the generated admin token still works beside the tokens file")
          .isEqualTo(201);
      assertThat(http.get("/api/v1/projects/kept", TestTokens.READER).statusCode())
          .as("and so do the tokens of the file")
          .isEqualTo(200);
      assertThat(second.bootstrap().tokenFile()).contains(dataDir.resolve("admin-token"));
    }
    assertThat(lines)
        .contains(
            "identity sources: tokens file "
                + tokensFile
                + " (7 tokens), generated admin token ("
                + dataDir.resolve("admin-token")
                + ")");
  }

  @Test
  void acceptsNoStoredTokenWhoseFileNoLongerMatches() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.putAll(
        Map.of("CAIRN_DATA_DIR", dataDir.toString(), "CAIRN_PORT", "0", "CAIRN_HOST", "127.0.0.1"));
    env.put("CAIRN_BOOTSTRAP_ADMIN_TOKEN", "an-explicit-demo-token");
    try (RegistryServer first = RegistryServer.start(SettingsLoader.load(env))) {
      assertThat(first.bootstrap().tokenFile()).isEmpty();
    }
    assertThat(lines).contains("identity sources: admin token from CAIRN_BOOTSTRAP_ADMIN_TOKEN");

    lines.clear();
    env.remove("CAIRN_BOOTSTRAP_ADMIN_TOKEN");
    env.put("CAIRN_TOKENS_FILE", TestTokens.writeTokensFile(config).toString());
    try (RegistryServer second = RegistryServer.start(SettingsLoader.load(env))) {
      Http http = new Http(second.uri());
      assertThat(http.get("/api/v1/projects", "an-explicit-demo-token").statusCode())
          .as("an explicit token, no longer given, is not kept as if it had been generated")
          .isEqualTo(401);
      assertThat(Files.exists(dataDir.resolve("admin-token"))).isFalse();
    }
    assertThat(lines)
        .anyMatch(l -> l.startsWith("identity sources: tokens file ") && !l.contains("admin"));
  }
}
