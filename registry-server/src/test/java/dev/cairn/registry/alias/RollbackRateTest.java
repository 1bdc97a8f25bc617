package dev.cairn.registry.alias;

import static dev.cairn.registry.testing.Problems.expectCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasRollback;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 6 (must-show 4): the fourth production change in a minute, an admin's emergency
 * rollback, got 429. Rollbacks restore an approved state and are never rate limited; a plain PUT
 * past the limit still is.
 */
class RollbackRateTest {

  private final TestRegistry registry = TestRegistry.shared();

  @Test
  void fourRollbacksInAMinuteSucceedAndAFifthPutIsStillLimited() {
    String project = TestRegistry.uniqueProject("rollbacks");
    CairnClient admin = registry.client(TestTokens.ADMIN);
    admin.projects().create(new ProjectCreate(project, null, new Policies(false, 3, true)));
    admin.models().create(project, ModelCreate.named("m"));
    Versions.ready(admin, project, "m", "default", "one " + project);
    Versions.ready(admin, project, "m", "default", "two " + project);
    admin.aliases().put(project, "m", "production", AliasUpdate.version("v1", "first"), null, null);
    admin
        .aliases()
        .put(project, "m", "production", AliasUpdate.version("v2", "second"), null, null);

    for (int i = 1; i <= 4; i++) {
      var rolled =
          admin
              .aliases()
              .rollback(
                  project, "m", "production", new AliasRollback(null, "emergency " + i, null));
      assertThat(rolled.pointers()).containsEntry("default", i % 2 == 1 ? "v1" : "v2");
    }
    expectCode(
        "RATE_LIMITED",
        () ->
            admin
                .aliases()
                .put(project, "m", "production", AliasUpdate.version("v1", "plain"), null, null));
  }
}
