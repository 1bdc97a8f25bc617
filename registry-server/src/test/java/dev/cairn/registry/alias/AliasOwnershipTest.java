package dev.cairn.registry.alias;

import static dev.cairn.registry.testing.Problems.expectCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Alias;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Aliases owned by a Kubernetes ModelActivation ({@code managed_by}). */
class AliasOwnershipTest {

  private final TestRegistry registry = TestRegistry.shared();
  private final CairnClient publisher = registry.client(TestTokens.PUBLISHER);
  private String project;

  @BeforeEach
  void createModel() {
    project = TestRegistry.uniqueProject("owned");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    publisher.models().create(project, ModelCreate.named("fraud"));
  }

  @Test
  void aManagedAliasChangesOnlyThroughItsOwner() {
    Versions.ready(publisher, project, "fraud", "default", "one");
    Versions.ready(publisher, project, "fraud", "default", "two");
    String owner = "ModelActivation " + project + "/fraud-prod";
    publisher
        .aliases()
        .put(
            project,
            "fraud",
            "canary",
            AliasUpdate.version("v1", "gitops").managedBy(owner),
            null,
            null);

    assertThatThrownBy(
            () ->
                publisher
                    .aliases()
                    .put(
                        project,
                        "fraud",
                        "canary",
                        AliasUpdate.version("v2", "by hand"),
                        null,
                        null))
        .isInstanceOfSatisfying(
            CairnApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.code()).isEqualTo("ALIAS_MANAGED");
              assertThat(e.member("managed_by").orElseThrow().asText()).isEqualTo(owner);
            });
    assertThat(
            publisher
                .aliases()
                .put(
                    project,
                    "fraud",
                    "canary",
                    AliasUpdate.version("v2", "gitops").managedBy(owner),
                    null,
                    null)
                .pointers())
        .containsEntry("default", "v2");
  }

  @Test
  void onlyTheOwnerReleasesAManagedAlias() {
    Versions.ready(publisher, project, "fraud", "default", "one");
    Versions.ready(publisher, project, "fraud", "default", "two");
    String owner = "ModelActivation " + project + "/canary";
    publisher
        .aliases()
        .put(
            project,
            "fraud",
            "canary",
            AliasUpdate.version("v1", "gitops").managedBy(owner),
            null,
            null);

    expectCode(
        "ALIAS_MANAGED",
        () ->
            publisher
                .aliases()
                .put(
                    project,
                    "fraud",
                    "canary",
                    AliasUpdate.release("someone else", "x"),
                    null,
                    null));
    Alias released =
        publisher
            .aliases()
            .put(
                project,
                "fraud",
                "canary",
                AliasUpdate.release(owner, "ModelActivation deleted"),
                null,
                null);

    assertThat(released.managedBy()).isNull();
    assertThat(released.pointers()).containsEntry("default", "v1");
    assertThat(
            publisher
                .aliases()
                .put(project, "fraud", "canary", AliasUpdate.version("v2", "by hand"), null, null)
                .pointers())
        .containsEntry("default", "v2");
  }
}
