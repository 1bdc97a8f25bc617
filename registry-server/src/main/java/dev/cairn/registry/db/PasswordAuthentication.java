package dev.cairn.registry.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The embedded PostgreSQL's initdb trusts every local connection; the registry turns that into
 * password (SCRAM) authentication on every start (spec 40-security, Hardening: the embedded
 * database requires a password), so another local user of the machine cannot log in and rewrite the
 * audit trail. Idempotent: a data directory already converted is left as it is.
 */
final class PasswordAuthentication {

  private static final String HBA = "pg_hba.conf";

  private PasswordAuthentication() {}

  static void require(DataSource superuser, Path pgData, String password) throws IOException {
    Path hba = pgData.resolve(HBA);
    List<String> lines = Files.readAllLines(hba);
    boolean trusting =
        lines.stream().anyMatch(l -> !l.startsWith("#") && l.trim().endsWith("trust"));
    if (!trusting) {
      return;
    }
    try (Connection c = superuser.getConnection();
        Statement s = c.createStatement()) {
      // While trust is still on, set the password the registry will log in with from now on.
      s.execute("SET password_encryption = 'scram-sha-256'");
      s.execute("ALTER ROLE postgres PASSWORD '" + password.replace("'", "''") + "'");
      Files.write(
          hba,
          lines.stream()
              .map(l -> l.startsWith("#") ? l : l.replaceAll("\\btrust\\s*$", "scram-sha-256"))
              .toList());
      s.execute("SELECT pg_reload_conf()");
    } catch (SQLException e) {
      throw new IOException("cannot require a password of the embedded PostgreSQL", e);
    }
  }
}
