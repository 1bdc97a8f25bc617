package dev.cairn.bench;

import dev.cairn.client.CairnClient;
import dev.cairn.registry.RegistryServer;
import dev.cairn.registry.config.SettingsLoader;
import dev.cairn.registry.db.DataSourceSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A registry in this JVM on an embedded PostgreSQL in a temporary directory. */
final class LocalRegistry implements AutoCloseable {

  static final String ADMIN = "bench-admin-token";

  private final RegistryServer server;

  private LocalRegistry(RegistryServer server) {
    this.server = server;
  }

  static LocalRegistry start(Map<String, String> extra) throws IOException {
    Path dataDir = Files.createTempDirectory("cairn-bench");
    Map<String, String> env = new HashMap<>();
    env.put("CAIRN_DATA_DIR", dataDir.toString());
    env.put("CAIRN_HOST", "127.0.0.1");
    env.put("CAIRN_PORT", "0");
    env.put("CAIRN_BOOTSTRAP_ADMIN_TOKEN", ADMIN);
    env.putAll(extra);
    return new LocalRegistry(RegistryServer.start(SettingsLoader.load(env)));
  }

  CairnClient admin() {
    return CairnClient.create(server.uri(), ADMIN);
  }

  DataSourceSpec dataSource() {
    return server.dataSource();
  }

  URI uri() {
    return server.uri();
  }

  @Override
  public void close() {
    server.close();
  }
}
