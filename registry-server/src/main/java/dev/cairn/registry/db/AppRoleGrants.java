package dev.cairn.registry.db;

import dev.cairn.registry.config.StartupException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Two database roles (spec 40-security, Hardening): the owner runs the migrations and owns every
 * table; the role the server works as gets only what it needs, and on the audit tables only read
 * and insert. Not owning {@code audit_log}, it cannot disable the append-only trigger, update or
 * delete an entry, or drop the table. Granted after every migration, so new tables are covered.
 */
public final class AppRoleGrants {

  private AppRoleGrants() {}

  public static void grant(DataSourceSpec owner, String appRole) {
    String role = quoted(appRole);
    List<String> statements =
        List.of(
            "GRANT USAGE ON SCHEMA public TO " + role,
            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + role,
            "REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_chain_keyed FROM " + role,
            "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM " + role,
            "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + role,
            "GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO " + role);
    try (Connection c = DriverManager.getConnection(owner.url(), owner.user(), owner.password());
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new StartupException(
          "cannot grant the application role its rights as CAIRN_DB_OWNER_USER: " + e.getMessage());
    }
  }

  private static String quoted(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
