package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.AuditQuery;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, items 16, 21 and 11 at the command line: {@code model delete --reason [--force]},
 * {@code activate --approved-by}, {@code alias rollback --variant} and {@code --to-generation}, and
 * a rollback's help saying that a second one toggles forward; {@code alias rollback --approved-by}
 * (issue 26, item 11).
 */
class CliWhyAndWhoTest extends LoggedInCli {

  private CairnClient admin() {
    return registry.client(TestTokens.ADMIN);
  }

  @Test
  void deleteNamesTheAliasInUseAndForceDeletesAnyway() {
    CairnClient admin = admin();
    admin.models().create(project, ModelCreate.named("served"));
    String v1 = Versions.ready(admin, project, "served", "default", "one").version();
    admin.aliases().put(project, "served", "production", AliasUpdate.version(v1, "go"), null, null);

    CliRunner.Result refused = cli.run("model", "delete", "served", "--reason", "retire");
    assertThat(refused.code()).isEqualTo(ExitCodes.REFUSED);
    assertThat(refused.err())
        .startsWith("error: VERSION_IN_USE")
        .contains("production")
        .hasLineCount(1);
    CliRunner.Result forced = cli.run("model", "delete", "served", "--reason", "retire", "--force");
    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(cli.run("model", "get", "served").code()).isEqualTo(ExitCodes.NOT_FOUND);
  }

  @Test
  void activateRecordsTheNamedApprover() {
    CairnClient admin = admin();
    admin.models().create(project, ModelCreate.named("scorer"));
    String v1 = Versions.ready(admin, project, "scorer", "default", "one").version();

    CliRunner.Result activated =
        cli.run(
            "activate",
            "scorer",
            "--version",
            v1,
            "--reason",
            "approved",
            "--approved-by",
            "operator_A");

    assertThat(activated.code()).as(activated.err()).isZero();
    var entry =
        admin
            .audit()
            .list(project, AuditQuery.all().forModel("scorer").withAction("ALIAS_UPDATE"))
            .items()
            .get(0);
    assertThat(entry.approvedBy()).isEqualTo("operator_A");
    assertThat(entry.actor()).isEqualTo("bootstrap-admin");
  }

  @Test
  void rollbackTakesAVariantAndAGenerationAndSaysItToggles() {
    CairnClient admin = admin();
    admin
        .models()
        .create(project, ModelCreate.named("ink").withVariants(List.of("LOW", "HIGH"), "LOW"));
    String low1 = Versions.ready(admin, project, "ink", "LOW", "l1").version();
    String high1 = Versions.ready(admin, project, "ink", "HIGH", "h1").version();
    String low2 = Versions.ready(admin, project, "ink", "LOW", "l2").version();
    String high2 = Versions.ready(admin, project, "ink", "HIGH", "h2").version();
    admin
        .aliases()
        .put(
            project,
            "ink",
            "production",
            AliasUpdate.pointers(Map.of("LOW", low1, "HIGH", high1), "first"),
            null,
            null);
    admin
        .aliases()
        .put(
            project,
            "ink",
            "production",
            AliasUpdate.pointers(Map.of("LOW", low2, "HIGH", high2), "second"),
            null,
            null);

    CliRunner.Result high =
        cli.run("alias", "rollback", "ink", "production", "--variant", "HIGH", "--reason", "r");
    assertThat(high.code()).as(high.err()).isZero();
    assertThat(admin.aliases().get(project, "ink", "production").pointers())
        .containsEntry("HIGH", high1)
        .containsEntry("LOW", low2);

    CliRunner.Result first =
        cli.run("alias", "rollback", "ink", "production", "--to-generation", "1", "--reason", "r");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(admin.aliases().get(project, "ink", "production").pointers())
        .containsEntry("HIGH", high1)
        .containsEntry("LOW", low1);

    assertThat(cli.run("alias", "rollback", "--help").out())
        .contains("kubectl rollout undo")
        .contains("--to-generation")
        .contains("--variant");
  }

  @Test
  void rollbackRecordsTheNamedApprover() {
    CairnClient admin = admin();
    admin.models().create(project, ModelCreate.named("scorer"));
    for (String content : List.of("one", "two")) {
      String v = Versions.ready(admin, project, "scorer", "default", content).version();
      admin
          .aliases()
          .put(project, "scorer", "production", AliasUpdate.version(v, "go"), null, null);
    }

    CliRunner.Result back =
        cli.run(
            "alias",
            "rollback",
            "scorer",
            "production",
            "--reason",
            "two misbehaves",
            "--approved-by",
            "operator_A");

    assertThat(back.code()).as(back.err()).isZero();
    var entry =
        admin
            .audit()
            .list(project, AuditQuery.all().forModel("scorer").withAction("ALIAS_ROLLBACK"))
            .items()
            .get(0);
    assertThat(entry.approvedBy()).isEqualTo("operator_A");
    assertThat(entry.actor()).isEqualTo("bootstrap-admin");
    assertThat(entry.reason()).isEqualTo("two misbehaves");
  }
}
