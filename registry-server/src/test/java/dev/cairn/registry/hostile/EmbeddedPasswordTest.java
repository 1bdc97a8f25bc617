package dev.cairn.registry.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.cairn.registry.testing.TestRegistry;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Finding 5 (embedded mode): the embedded PostgreSQL trusted every local connection, so any user of
 * the machine could log in as superuser and rewrite the audit trail. Now it asks for the password
 * the registry generated into its data directory.
 */
class EmbeddedPasswordTest {

  @Test
  void theEmbeddedDatabaseRefusesLoginsWithoutThePassword() throws Exception {
    assumeFalse(TestRegistry.externalMode(), "embedded mode only");
    try (TestRegistry registry = TestRegistry.start(Map.of())) {
      var source = registry.server().dataSource();
      assertThatThrownBy(() -> DriverManager.getConnection(source.url(), login("")))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> DriverManager.getConnection(source.url(), login("guess")))
          .isInstanceOf(SQLException.class);
      try (var ok = DriverManager.getConnection(source.url(), login(source.password()))) {
        assertThat(ok.isValid(2)).isTrue();
      }
      var file = registry.dataDir().resolve("postgres-password");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      assertThat(source.password()).hasSize(64);
    }
  }

  private static Properties login(String password) {
    Properties p = new Properties();
    p.setProperty("user", "postgres");
    if (!password.isEmpty()) {
      p.setProperty("password", password);
    }
    return p;
  }
}
