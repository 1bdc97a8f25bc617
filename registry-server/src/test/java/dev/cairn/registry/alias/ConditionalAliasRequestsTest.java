package dev.cairn.registry.alias;

import static dev.cairn.registry.testing.Problems.expectCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasRollback;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's alias facet sends {@code If-Match} on every write where the API honours it. */
class ConditionalAliasRequestsTest {

  private final TestRegistry registry = TestRegistry.shared();
  private final CairnClient publisher = registry.client(TestTokens.PUBLISHER);
  private final CairnClient admin = registry.client(TestTokens.ADMIN);
  private String project;

  @BeforeEach
  void twoGenerations() {
    project = TestRegistry.uniqueProject("ifmatch");
    admin.projects().create(ProjectCreate.named(project));
    publisher.models().create(project, ModelCreate.named("fraud"));
    Versions.ready(publisher, project, "fraud", "default", "one");
    Versions.ready(publisher, project, "fraud", "default", "two");
    publisher.aliases().put(project, "fraud", "canary", AliasUpdate.version("v1", "a"), null, null);
    publisher.aliases().put(project, "fraud", "canary", AliasUpdate.version("v2", "b"), 1L, null);
  }

  @Test
  void rollbackAndDeleteRefuseAStaleGeneration() {
    AliasRollback back = new AliasRollback(null, "undo", null);

    expectCode(
        "PRECONDITION_FAILED",
        () -> publisher.aliases().rollback(project, "fraud", "canary", back, 1L, null));
    assertThat(publisher.aliases().rollback(project, "fraud", "canary", back, 2L, null).pointers())
        .containsEntry("default", "v1");
    expectCode("PRECONDITION_FAILED", () -> admin.aliases().delete(project, "fraud", "canary", 2L));
    admin.aliases().delete(project, "fraud", "canary", 3L);
    expectCode("ALIAS_NOT_FOUND", () -> publisher.aliases().get(project, "fraud", "canary"));
  }
}
