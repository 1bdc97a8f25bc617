package dev.cairn.registry.api;

import static dev.cairn.registry.testing.Problems.expectCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.AuditEntry;
import dev.cairn.client.model.AuditQuery;
import dev.cairn.client.model.Model;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ModelDelete;
import dev.cairn.client.model.ModelPatch;
import dev.cairn.client.model.ModelQuery;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, item 16: deleting a model took three calls and kept no reason ({@code model delete} on
 * a live model answered {@code MODEL_NOT_ARCHIVED}). Now one {@code DELETE} with {@code reason} by
 * an admin soft-deletes a LIVE or ARCHIVED model, refuses while an alias is in use (naming it)
 * unless {@code force}, and records who and why on the tombstone, which {@code ?state=DELETED}
 * lists, and in the audit entry.
 */
class ModelDeletionTest {

  /** The name the admin token authenticates as: who the tombstone says deleted it. */
  private static final String ADMIN = "bootstrap-admin";

  private final TestRegistry registry = TestRegistry.shared();
  private final CairnClient admin = registry.client(TestTokens.ADMIN);
  private final CairnClient publisher = registry.client(TestTokens.PUBLISHER);
  private final CairnClient approver = registry.client(TestTokens.APPROVER);
  private String project;

  @BeforeEach
  void createProject() {
    project = TestRegistry.uniqueProject("model-delete");
    admin.projects().create(new ProjectCreate(project, null, new Policies(false, 0, true)));
  }

  @Test
  void deletesALiveModelInOneCallRecordingWhoAndWhy() {
    Model live = publisher.models().create(project, ModelCreate.named("sku001-ink-default"));

    admin.models().delete(project, "sku001-ink-default", ModelDelete.because("cleanup test data"));

    expectCode("MODEL_NOT_FOUND", () -> admin.models().get(project, "sku001-ink-default"));
    List<Model> deleted =
        publisher.models().list(project, ModelQuery.all().withState("DELETED")).items();
    assertThat(deleted).hasSize(1);
    Model tombstone = deleted.get(0);
    assertThat(tombstone.id()).isEqualTo(live.id());
    assertThat(tombstone.state()).isEqualTo("DELETED");
    assertThat(tombstone.deletedBy()).isEqualTo(ADMIN);
    assertThat(tombstone.deleteReason()).isEqualTo("cleanup test data");
    assertThat(tombstone.deletedAt()).isNotNull();
    assertThat(publisher.models().list(project, ModelQuery.all()).items()).isEmpty();

    AuditEntry entry = lastDelete();
    assertThat(entry.actor()).isEqualTo(ADMIN);
    assertThat(entry.reason()).isEqualTo("cleanup test data");
    assertThat(entry.before().get("state").asText()).isEqualTo("LIVE");
    assertThat(entry.after().get("state").asText()).isEqualTo("DELETED");
    assertThat(entry.after().get("deleted_by").asText()).isEqualTo(ADMIN);

    Model again = publisher.models().create(project, ModelCreate.named("sku001-ink-default"));
    assertThat(again.id()).isNotEqualTo(live.id());
    assertThat(again.state()).isEqualTo("LIVE");
  }

  @Test
  void refusesWhileProductionPointsAtAVersionNamingItUnlessForced() {
    publisher.models().create(project, ModelCreate.named("m"));
    String v1 = Versions.ready(publisher, project, "m", "default", "weights").version();
    approver
        .aliases()
        .put(project, "m", "production", AliasUpdate.version(v1, "first"), null, null);

    assertThatThrownBy(() -> admin.models().delete(project, "m", ModelDelete.because("old")))
        .isInstanceOfSatisfying(
            CairnApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.code()).isEqualTo("VERSION_IN_USE");
              assertThat(e.detail()).contains("production").contains(v1);
              assertThat(e.member("aliases").orElseThrow().toString())
                  .isEqualTo("[\"production\"]");
            });
    assertThat(admin.models().get(project, "m").state()).isEqualTo("LIVE");
    expectCode(
        "BAD_REQUEST", () -> admin.models().delete(project, "m", new ModelDelete(null, true)));

    admin.models().delete(project, "m", ModelDelete.because("line retired").forced());

    expectCode("MODEL_NOT_FOUND", () -> admin.models().get(project, "m"));
    expectCode("MODEL_NOT_FOUND", () -> admin.resolve(project, "m@production", null, false));
    AuditEntry entry = lastDelete();
    assertThat(entry.reason()).isEqualTo("line retired");
    assertThat(entry.before().at("/aliases_in_use/production/default").asText()).isEqualTo(v1);
    assertThat(entry.after().get("forced").asBoolean()).isTrue();
  }

  @Test
  void keepsTheThreeStepDeleteWorking() {
    publisher.models().create(project, ModelCreate.named("old"));
    admin.models().patch(project, "old", ModelPatch.state("ARCHIVED", "superseded"));

    admin.models().delete(project, "old");

    expectCode("MODEL_NOT_FOUND", () -> admin.models().get(project, "old"));
    Model tombstone =
        admin.models().list(project, ModelQuery.all().withState("DELETED")).items().get(0);
    assertThat(tombstone.deletedBy()).isEqualTo(ADMIN);
    assertThat(tombstone.deleteReason()).isNull();
    AuditEntry archive =
        admin
            .audit()
            .list(project, AuditQuery.all().forModel("old").withAction("MODEL_UPDATE"))
            .items()
            .get(0);
    assertThat(archive.reason()).isEqualTo("superseded");
    expectCode(
        "FORBIDDEN",
        () -> publisher.models().delete(project, "old", ModelDelete.because("not mine")));
    expectCode(
        "BAD_REQUEST", () -> admin.models().patch(project, "old", ModelPatch.state("DELETED")));
  }

  private AuditEntry lastDelete() {
    List<AuditEntry> entries =
        admin.audit().list(project, AuditQuery.all().withAction("MODEL_DELETE")).items();
    assertThat(entries).isNotEmpty();
    return entries.get(entries.size() - 1);
  }
}
