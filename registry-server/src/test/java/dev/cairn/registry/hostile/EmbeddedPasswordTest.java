package dev.cairn.registry.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.registry.db.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 5 (embedded mode): the embedded PostgreSQL trusted every local connection, so any user of
 * the machine could log in as superuser and rewrite the audit trail. Now it asks for the password
 * the registry generated into its data directory, on the first start and every restart.
 */
class EmbeddedPasswordTest {

  @TempDir Path dataDir;

  @Test
  void theEmbeddedDatabaseRefusesLoginsWithoutThePassword() throws Exception {
    for (int start = 1; start <= 2; start++) {
      try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
        var source = database.dataSource();
        assertThatThrownBy(() -> DriverManager.getConnection(source.url(), login("")))
            .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(source.url(), login("guess")))
            .isInstanceOf(SQLException.class);
        try (var ok = DriverManager.getConnection(source.url(), login(source.password()))) {
          assertThat(ok.isValid(2)).as("start %d", start).isTrue();
        }
        assertThat(source.password()).hasSize(64);
      }
    }
    var file = dataDir.resolve("postgres-password");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
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
