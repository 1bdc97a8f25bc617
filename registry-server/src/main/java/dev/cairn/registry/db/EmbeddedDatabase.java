package dev.cairn.registry.db;

import dev.cairn.registry.config.SecretFile;
import dev.cairn.registry.config.StartupException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A PostgreSQL server run by the registry itself (zonky), its data kept under the data directory so
 * it survives restarts: the laptop deployment of spec 00-overview.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  /** The superuser's password, generated on first start (spec 40-security: no trust login). */
  static final String PASSWORD_FILE = "postgres-password";

  private final EmbeddedPostgres postgres;
  private final Optional<ProcessHandle> postmaster;
  private final String password;

  private EmbeddedDatabase(
      EmbeddedPostgres postgres, Optional<ProcessHandle> postmaster, String password) {
    this.postgres = postgres;
    this.postmaster = postmaster;
    this.password = password;
  }

  /** Starts (or restarts on existing data) the server under {@code dataDir/postgres}. */
  public static EmbeddedDatabase start(Path dataDir) {
    Path pgData = dataDir.resolve("postgres");
    try {
      Files.createDirectories(dataDir);
      OrphanedPostmaster.stop(pgData);
      String password = SecretFile.readOrCreate(dataDir.resolve(PASSWORD_FILE));
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgData)
              .setCleanDataDirectory(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("max_connections", "200")
              // No Unix socket: its default place, /tmp, may be read-only (a pod's root
              // filesystem), and everything connects over TCP on localhost.
              .setServerConfig("unix_socket_directories", "")
              .setConnectConfig("password", password)
              .start();
      PasswordAuthentication.require(postgres.getPostgresDatabase(), pgData, password);
      return new EmbeddedDatabase(postgres, OrphanedPostmaster.running(pgData), password);
    } catch (IOException | RuntimeException e) {
      throw new StartupException(
          "The embedded PostgreSQL could not start in " + pgData + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether the PostgreSQL server this process started is still running: false after it was killed,
   * which fails liveness so the registry is restarted with it.
   */
  public boolean alive() {
    return postmaster.map(ProcessHandle::isAlive).orElse(true);
  }

  public DataSourceSpec dataSource() {
    return new DataSourceSpec(
        postgres.getJdbcUrl("postgres", "postgres"), "postgres", password, true);
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
