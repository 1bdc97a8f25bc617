package dev.cairn.registry.testing;

import dev.cairn.client.CairnClient;
import dev.cairn.registry.RegistryServer;
import dev.cairn.registry.config.SettingsLoader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A real registry for tests: real HTTP on a free loopback port, real PostgreSQL. By default the
 * registry starts its own embedded database; with {@code -Dcairn.test.database=external} the test
 * starts a separate PostgreSQL and hands the registry only its URL ({@code CAIRN_DB_URL}), so the
 * whole suite also runs against an external database.
 */
public final class TestRegistry implements AutoCloseable {

  private static TestRegistry shared;

  private final Map<String, String> env;
  private final Path dataDir;
  private final EmbeddedPostgres externalDatabase;
  private final int port;
  private volatile RegistryServer server;

  private TestRegistry(
      RegistryServer server,
      Map<String, String> env,
      Path dataDir,
      EmbeddedPostgres externalDatabase) {
    this.server = server;
    this.env = Map.copyOf(env);
    this.dataDir = dataDir;
    this.externalDatabase = externalDatabase;
    this.port = server.uri().getPort();
  }

  /** One registry shared by the test classes that only need isolation by project name. */
  public static synchronized TestRegistry shared() {
    if (shared == null) {
      shared = start(Map.of());
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  public static boolean externalMode() {
    return "external".equals(System.getProperty("cairn.test.database", "embedded"));
  }

  /** A registry of its own, with {@code extraEnv} added to the test environment. */
  public static TestRegistry start(Map<String, String> extraEnv) {
    try {
      Path dataDir = Files.createTempDirectory("cairn-test-");
      Map<String, String> env = new HashMap<>();
      env.put("CAIRN_HOST", "127.0.0.1");
      env.put("CAIRN_PORT", "0");
      env.put("CAIRN_DATA_DIR", dataDir.toString());
      env.put("CAIRN_BOOTSTRAP_ADMIN_TOKEN", TestTokens.ADMIN);
      env.put("CAIRN_TOKENS_FILE", TestTokens.writeTokensFile(dataDir).toString());
      env.put("CAIRN_SIGNING_KEYS", TestSigningKeys.writeKeysFile(dataDir).toString());
      EmbeddedPostgres external = null;
      if (externalMode()) {
        external = EmbeddedPostgres.builder().start();
        env.put("CAIRN_DB_URL", external.getJdbcUrl("postgres", "postgres"));
        env.put("CAIRN_DB_USER", "postgres");
        env.put("CAIRN_DB_PASSWORD", "unused");
      }
      env.putAll(extraEnv);
      return new TestRegistry(
          RegistryServer.start(SettingsLoader.load(env)), env, dataDir, external);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server and its embedded database, as a crash would; the data directory stays. */
  public void stopServer() {
    server.close();
  }

  /** Starts the stopped server again on the same port, data directory and database. */
  public void startServer() {
    Map<String, String> again = new HashMap<>(env);
    again.put("CAIRN_PORT", String.valueOf(port));
    server = RegistryServer.start(SettingsLoader.load(again));
  }

  public URI uri() {
    return server.uri();
  }

  public RegistryServer server() {
    return server;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The audit key this registry generated (or was given), for replicas on its database. */
  public String auditKey() {
    String given = env.get("CAIRN_AUDIT_KEY");
    if (given != null) {
      return given;
    }
    try {
      return Files.readString(dataDir.resolve("audit-key")).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public CairnClient client(String token) {
    return CairnClient.create(uri(), token);
  }

  public Http http() {
    return new Http(uri());
  }

  /** A direct SQL connection to the registry's database, for checks behind the API's back. */
  public Connection sql() throws SQLException {
    var source = server.dataSource();
    return DriverManager.getConnection(source.url(), source.user(), source.password());
  }

  /** A project name no other test uses. */
  public static String uniqueProject(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Override
  public void close() {
    server.close();
    if (externalDatabase != null) {
      try {
        externalDatabase.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
