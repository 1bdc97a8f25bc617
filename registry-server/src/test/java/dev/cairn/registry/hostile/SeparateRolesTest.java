package dev.cairn.registry.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Finding 5 (external mode): the server's own login owned {@code audit_log}, so it could disable
 * the append-only trigger and rewrite entries. With {@code CAIRN_DB_OWNER_USER} the owner migrates
 * and the server's role may only read and append to the audit tables.
 */
class SeparateRolesTest {

  @Test
  void theServersRoleCannotDisableTheTriggerOrRewriteTheAudit() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      try (Connection su = postgres.getPostgresDatabase().getConnection();
          Statement s = su.createStatement()) {
        s.execute("CREATE ROLE cairn_owner LOGIN PASSWORD 'owner-secret'");
        s.execute("CREATE ROLE cairn_app LOGIN PASSWORD 'app-secret'");
        s.execute("CREATE DATABASE cairn OWNER cairn_owner");
      }
      String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/cairn";
      try (TestRegistry registry =
          TestRegistry.start(
              Map.of(
                  "CAIRN_DB_URL", url,
                  "CAIRN_DB_USER", "cairn_app",
                  "CAIRN_DB_PASSWORD", "app-secret",
                  "CAIRN_DB_OWNER_USER", "cairn_owner",
                  "CAIRN_DB_OWNER_PASSWORD", "owner-secret"))) {
        var admin = registry.client(TestTokens.ADMIN);
        admin.projects().create(ProjectCreate.named("two-roles"));
        assertThat(admin.audit().verify().valid()).isTrue();

        try (Connection app = DriverManager.getConnection(url, "cairn_app", "app-secret");
            Statement s = app.createStatement()) {
          assertThatThrownBy(() -> s.execute("ALTER TABLE audit_log DISABLE TRIGGER USER"))
              .isInstanceOf(SQLException.class)
              .hasMessageContaining("must be owner");
          assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_log SET reason = 'rewritten'"))
              .isInstanceOf(SQLException.class)
              .hasMessageContaining("permission denied");
          assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_chain_keyed"))
              .isInstanceOf(SQLException.class)
              .hasMessageContaining("permission denied");
        }
      }
    }
  }
}
