package dev.cairn.registry.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AuditEntry;
import dev.cairn.client.model.AuditQuery;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.RegistryServer;
import dev.cairn.registry.audit.AuditChain;
import dev.cairn.registry.config.SettingsLoader;
import dev.cairn.registry.config.StartupException;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Finding 5: whoever can write the audit table (the app's own login could disable the trigger) can
 * change an entry and recompute its hash. Before: the chain had no secret, so the rewritten entry
 * verified. Now the chain is keyed with the server's audit key and the rewrite is found.
 */
class AuditKeyTest {

  private TestRegistry registry;
  private CairnClient admin;

  @BeforeEach
  void start() {
    registry = TestRegistry.start(Map.of());
    admin = registry.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named("keyed"));
    admin.models().create("keyed", ModelCreate.named("m"));
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void anEntryRewrittenWithARecomputedUnkeyedHashIsFound() throws Exception {
    AuditEntry last =
        admin
            .audit()
            .list("keyed", new AuditQuery(null, null, null, null, null, 1, null))
            .items()
            .getFirst();
    assertThat(admin.audit().verify().valid()).isTrue();

    AuditEntry forged = rewritten(last, "nothing happened here");
    try (Connection c = registry.sql();
        Statement s = c.createStatement();
        PreparedStatement update =
            c.prepareStatement("UPDATE audit_log SET reason = ?, hash = ? WHERE seq = ?")) {
      s.execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
      update.setString(1, forged.reason());
      update.setString(2, AuditChain.unkeyed().hash(forged));
      update.setLong(3, forged.seq());
      assertThat(update.executeUpdate()).isEqualTo(1);
      s.execute("ALTER TABLE audit_log ENABLE TRIGGER USER");
    }

    var verification = admin.audit().verify();
    assertThat(verification.valid()).isFalse();
    assertThat(verification.firstInvalidSeq()).isEqualTo(last.seq());
  }

  @Test
  void movingTheKeyedStartToPassEverythingOffAsUnkeyedIsFound() throws Exception {
    try (Connection c = registry.sql();
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE audit_chain_keyed SET keyed_from = 1000000");
    }
    assertThat(admin.audit().verify().valid()).isFalse();
  }

  @Test
  void aReplicaWithAnotherKeyRefusesToStart() throws Exception {
    var source = registry.server().dataSource();
    var dataDir = Files.createTempDirectory("cairn-other-key");
    Map<String, String> env =
        Map.of(
            "CAIRN_DB_URL",
            source.url(),
            "CAIRN_DB_USER",
            source.user(),
            "CAIRN_DB_PASSWORD",
            source.password().isEmpty() ? "unused" : source.password(),
            "CAIRN_DATA_DIR",
            dataDir.toString(),
            "CAIRN_HOST",
            "127.0.0.1",
            "CAIRN_PORT",
            "0",
            "CAIRN_BOOTSTRAP_ADMIN_TOKEN",
            TestTokens.ADMIN,
            "CAIRN_AUDIT_KEY",
            "another-key-that-is-long-enough-to-be-used");
    assertThatThrownBy(() -> RegistryServer.start(SettingsLoader.load(env)))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("replicas sharing a database must share CAIRN_AUDIT_KEY");
  }

  @Test
  void theGeneratedKeyIsReadableByItsOwnerOnly() throws Exception {
    var key = registry.dataDir().resolve("audit-key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(key).trim()).hasSize(64);
  }

  private static AuditEntry rewritten(AuditEntry e, String reason) {
    return new AuditEntry(
        e.seq(),
        e.at(),
        e.actor(),
        e.roles(),
        e.action(),
        e.project(),
        e.model(),
        e.target(),
        e.before(),
        e.after(),
        reason,
        e.approvedBy(),
        e.requestId(),
        e.prevHash(),
        null);
  }
}
