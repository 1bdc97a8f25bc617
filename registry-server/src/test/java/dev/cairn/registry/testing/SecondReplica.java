package dev.cairn.registry.testing;

import dev.cairn.registry.RegistryServer;
import dev.cairn.registry.config.SettingsLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Another registry replica on the same database as a {@link TestRegistry}, knowing the same tokens.
 */
public final class SecondReplica {

  private SecondReplica() {}

  public static RegistryServer of(TestRegistry first) {
    try {
      var source = first.server().dataSource();
      Path dataDir = Files.createTempDirectory("cairn-replica");
      Map<String, String> env = new HashMap<>();
      env.put("CAIRN_DB_URL", source.url());
      env.put("CAIRN_DB_USER", source.user());
      env.put("CAIRN_DB_PASSWORD", source.password().isEmpty() ? "unused" : source.password());
      env.put("CAIRN_BOOTSTRAP_ADMIN_TOKEN", TestTokens.ADMIN);
      // Replicas on one database share the audit key, as the chart's Secret gives them.
      env.put("CAIRN_AUDIT_KEY", first.auditKey());
      env.put("CAIRN_TOKENS_FILE", TestTokens.writeTokensFile(dataDir).toString());
      env.put("CAIRN_DATA_DIR", dataDir.toString());
      // Both replicas share one file blob store, as they would share a volume or a bucket.
      env.put("CAIRN_HOST", "127.0.0.1");
      env.put("CAIRN_PORT", "0");
      return RegistryServer.start(SettingsLoader.load(env));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
