package dev.cairn.registry.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AuditEntry;
import dev.cairn.client.model.AuditQuery;
import dev.cairn.client.model.AuditVerification;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ModelPatch;
import dev.cairn.client.model.Page;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.client.model.VersionPatch;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The audit log under a busy run: every write leaves one entry, the chain verifies, the table
 * refuses changes, and a row edited by hand is found. Uses a registry of its own because the last
 * test breaks the chain on purpose.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditChainTest {

  private static final int WRITERS = 6;
  private static final int MODELS_PER_WRITER = 6;

  private static TestRegistry registry;
  private static CairnClient admin;

  @BeforeAll
  static void start() {
    registry = TestRegistry.start(Map.of());
    admin = registry.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named("audited"));
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  @Order(1)
  void busyRunLeavesOneEntryPerWriteAndTheChainVerifies() throws Exception {
    CairnClient publisher = registry.client(TestTokens.PUBLISHER);
    List<Future<?>> work = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        work.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < MODELS_PER_WRITER; i++) {
                    String model = "w" + writer + "-m" + i;
                    publisher.models().create("audited", ModelCreate.named(model));
                    publisher.versions().create("audited", model, VersionCreate.ofFormat("onnx"));
                    publisher
                        .versions()
                        .patch("audited", model, "v1", VersionPatch.notes("checked"));
                    publisher.models().patch("audited", model, ModelPatch.state("ARCHIVED"));
                  }
                }));
      }
    }
    for (Future<?> f : work) {
      f.get();
    }

    int writes = WRITERS * MODELS_PER_WRITER;
    for (String action :
        List.of("MODEL_CREATE", "VERSION_CREATE", "VERSION_UPDATE", "MODEL_UPDATE")) {
      List<AuditEntry> entries = new ArrayList<>();
      admin.audit().export("audited", AuditQuery.all().withAction(action), entries::add);
      assertThat(entries).as(action).hasSize(writes);
    }
    AuditVerification verification = admin.audit().verify();
    assertThat(verification.valid()).isTrue();
    assertThat(verification.entries()).isEqualTo(1 + 4L * writes);
  }

  @Test
  @Order(2)
  void entriesCarryActorRolesRequestIdAndBeforeAfter() {
    List<AuditEntry> entries = new ArrayList<>();
    admin.audit().export("audited", AuditQuery.all().forModel("w0-m0"), entries::add);

    assertThat(entries)
        .extracting(AuditEntry::action)
        .containsExactly("MODEL_CREATE", "VERSION_CREATE", "VERSION_UPDATE", "MODEL_UPDATE");
    AuditEntry archive = entries.get(3);
    assertThat(archive.actor()).isEqualTo("publisher");
    assertThat(archive.roles()).containsExactly("publisher");
    assertThat(archive.requestId()).isNotBlank();
    assertThat(archive.before().get("state").asText()).isEqualTo("LIVE");
    assertThat(archive.after().get("state").asText()).isEqualTo("ARCHIVED");
    assertThat(entries.get(1).prevHash()).isNotEqualTo(entries.get(0).prevHash());
  }

  @Test
  @Order(3)
  void pagesNewestFirstWithoutRepeats() {
    List<Long> seqs = new ArrayList<>();
    String token = null;
    do {
      Page<AuditEntry> page =
          admin.audit().list("audited", AuditQuery.all().withLimit(25).withPageToken(token));
      page.items().forEach(e -> seqs.add(e.seq()));
      token = page.nextPageToken();
    } while (token != null);

    assertThat(seqs).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(seqs).hasSize(1 + 4 * WRITERS * MODELS_PER_WRITER);
  }

  @Test
  @Order(4)
  void tableRefusesUpdateAndDelete() throws SQLException {
    try (Connection c = registry.sql();
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () -> s.executeUpdate("UPDATE audit_log SET actor = 'mallory' WHERE seq = 5"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_log WHERE seq = 5"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("TRUNCATE audit_log"))
          .hasMessageContaining("append-only");
    }
    assertThat(admin.audit().verify().valid()).isTrue();
  }

  @Test
  @Order(5)
  void verifyReportsTheFirstEntryEditedByHand() throws SQLException {
    try (Connection c = registry.sql();
        Statement s = c.createStatement()) {
      // Only a superuser who disables the trigger can do this; verify must still notice.
      s.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete");
      s.executeUpdate("UPDATE audit_log SET reason = 'nothing to see' WHERE seq = 17");
      s.executeUpdate("UPDATE audit_log SET actor = 'mallory' WHERE seq = 40");
      s.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete");
    }

    AuditVerification verification = admin.audit().verify();

    assertThat(verification.valid()).isFalse();
    assertThat(verification.firstInvalidSeq()).isEqualTo(17L);
    assertThat(verification.entries()).isEqualTo(1 + 4L * WRITERS * MODELS_PER_WRITER);
  }
}
