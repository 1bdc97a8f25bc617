package dev.cairn.registry.hostile;

import static dev.cairn.registry.hostile.HostileJson.assertProblem;
import static dev.cairn.registry.hostile.HostileJson.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.AuditQuery;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, items 16, 21 and 11: the fields that say why and who — a model delete's or archive's
 * {@code reason} and {@code force}, a rollback's {@code to_generation}, an activation's {@code
 * approved_by}. Each refuses controls, oversize and wrong types with nothing written, and nobody
 * records a name they may not vouch for: {@code deleted_by} is the caller and cannot be claimed,
 * and before this only a role check on the alias stood between any publisher and recording any
 * approver they liked.
 */
class ReasonsAndClaimsTest {

  private static final String ESC = "\\u001b]0;pwned\\u0007";

  private final TestRegistry registry = TestRegistry.shared();
  private final Http http = registry.http();
  private final CairnClient admin = registry.client(TestTokens.ADMIN);
  private String project;
  private String model;

  @BeforeEach
  void createModel() {
    project = TestRegistry.uniqueProject("why-who");
    admin.projects().create(new ProjectCreate(project, null, new Policies(false, 0, true)));
    admin.models().create(project, ModelCreate.named("m"));
    model = "/api/v1/projects/" + project + "/models/m";
  }

  @Test
  void deleteReasonsRefuseControlsOversizeAndWrongTypesAndWriteNothing() {
    assertProblem(
        http.send("DELETE", model, TestTokens.ADMIN, "{\"reason\":\"gone" + ESC + "\"}"),
        400,
        "INVALID_TEXT:reason");
    assertProblem(
        http.send("DELETE", model, TestTokens.ADMIN, "{\"reason\":\"" + "r".repeat(1_001) + "\"}"),
        400,
        "INVALID_TEXT:reason");
    assertProblem(
        http.send("DELETE", model, TestTokens.ADMIN, "{\"reason\":\"x\",\"force\":\"yes\"}"),
        400,
        "BAD_REQUEST");
    assertProblem(
        http.send("DELETE", model, TestTokens.ADMIN, "{\"reason\":42}"), 400, "BAD_REQUEST");
    assertProblem(
        http.send("DELETE", model, TestTokens.ADMIN, "{\"reason\":\"x\",\"deleted_by\":\"ceo\"}"),
        400,
        "BAD_REQUEST");
    assertProblem(
        http.patch(model, TestTokens.ADMIN, "{\"state\":\"ARCHIVED\",\"reason\":\"a\\nb\"}"),
        400,
        "INVALID_TEXT:reason");

    assertThat(parse(http.get(model, TestTokens.READER).body()).get("state").asText())
        .isEqualTo("LIVE");
    assertThat(
            admin
                .audit()
                .list(project, AuditQuery.all().forModel("m").withAction("MODEL_DELETE"))
                .items())
        .isEmpty();
    var ok =
        http.send("DELETE", model, TestTokens.ADMIN, "{\"reason\":\"" + "r".repeat(1_000) + "\"}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
  }

  @Test
  void rollbackTargetsMustBeGenerationNumbers() {
    String v1 = Versions.ready(admin, project, "m", "default", "one").version();
    String v2 = Versions.ready(admin, project, "m", "default", "two").version();
    admin.aliases().put(project, "m", "staging", AliasUpdate.version(v1, "a"), null, null);
    admin.aliases().put(project, "m", "staging", AliasUpdate.version(v2, "b"), null, null);
    String rollback = model + "/aliases/staging/rollback";

    for (String target : new String[] {"\"1\"", "1.5", "true", "-1", "0", "99999999999999999999"}) {
      assertProblem(
          http.post(
              rollback, TestTokens.ADMIN, "{\"reason\":\"r\",\"to_generation\":" + target + "}"),
          400,
          "BAD_REQUEST");
    }
    assertProblem(
        http.post(rollback, TestTokens.ADMIN, "{\"reason\":\"r\",\"to_generation\":2}"),
        409,
        "NO_PREVIOUS");
    assertThat(admin.aliases().get(project, "m", "staging").generation()).isEqualTo(2);
  }

  @Test
  void onlyAnApproverMayNameWhoApprovedAndTheNameIsRecorded() {
    String v1 = Versions.ready(admin, project, "m", "default", "one").version();
    String staging = model + "/aliases/staging";

    assertProblem(
        http.send(
            "PUT",
            staging,
            TestTokens.PUBLISHER,
            "{\"version\":\"" + v1 + "\",\"reason\":\"r\",\"approved_by\":\"operator_A\"}"),
        403,
        "FORBIDDEN");
    assertThat(http.get(staging, TestTokens.READER).statusCode()).isEqualTo(404);

    var ok =
        http.send(
            "PUT",
            model + "/aliases/production",
            TestTokens.APPROVER,
            "{\"version\":\"" + v1 + "\",\"reason\":\"r\",\"approved_by\":\"operator_A\"}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    var entry =
        admin
            .audit()
            .list(project, AuditQuery.all().forModel("m").withAction("ALIAS_UPDATE"))
            .items()
            .get(0);
    assertThat(entry.approvedBy()).isEqualTo("operator_A");
    assertThat(entry.actor()).isEqualTo("approver");
  }
}
