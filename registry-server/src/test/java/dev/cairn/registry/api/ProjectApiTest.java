package dev.cairn.registry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ModelPatch;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.Project;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.ProjectPatch;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import org.junit.jupiter.api.Test;

class ProjectApiTest {

  private final TestRegistry registry = TestRegistry.shared();
  private final CairnClient admin = registry.client(TestTokens.ADMIN);

  @Test
  void createsProjectWithDefaultPoliciesAndFindsIt() {
    String name = TestRegistry.uniqueProject("proj");
    Project created = admin.projects().create(new ProjectCreate(name, "quality control", null));

    assertThat(created.policies()).isEqualTo(Policies.defaults());
    assertThat(created.createdBy()).isEqualTo("bootstrap-admin");
    assertThat(admin.projects().get(name).description()).isEqualTo("quality control");
    assertThat(admin.projects().list(1000, null).items()).extracting(Project::name).contains(name);
  }

  @Test
  void patchKeepsPolicyMembersThatAreNotNamed() {
    String name = TestRegistry.uniqueProject("pol");
    admin.projects().create(new ProjectCreate(name, null, new Policies(true, null, null)));

    Project patched =
        admin.projects().patch(name, new ProjectPatch("new", new Policies(null, 10, null)));

    assertThat(patched.policies()).isEqualTo(new Policies(true, 10, true, false));
    assertThat(admin.projects().get(name).policies())
        .isEqualTo(new Policies(true, 10, true, false));
  }

  @Test
  void refusesDuplicateAndBadNames() {
    String name = TestRegistry.uniqueProject("dup");
    admin.projects().create(ProjectCreate.named(name));

    assertThatThrownBy(() -> admin.projects().create(ProjectCreate.named(name)))
        .isInstanceOfSatisfying(
            CairnApiException.class, e -> assertThat(e.code()).isEqualTo("PROJECT_EXISTS"));
    assertThatThrownBy(() -> admin.projects().create(ProjectCreate.named("Not_A_Label")))
        .isInstanceOfSatisfying(
            CairnApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("INVALID_NAME:project");
            });
  }

  @Test
  void deleteIsRefusedWhileALiveModelRemainsAndFreesTheName() {
    String name = TestRegistry.uniqueProject("del");
    admin.projects().create(ProjectCreate.named(name));
    admin.models().create(name, ModelCreate.named("keeper"));

    assertThatThrownBy(() -> admin.projects().delete(name))
        .isInstanceOfSatisfying(
            CairnApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.member("models").orElseThrow().toString()).contains("keeper");
            });

    admin.models().patch(name, "keeper", ModelPatch.state("ARCHIVED"));
    admin.projects().delete(name);

    assertThatThrownBy(() -> admin.projects().get(name))
        .isInstanceOfSatisfying(
            CairnApiException.class, e -> assertThat(e.code()).isEqualTo("PROJECT_NOT_FOUND"));
    assertThat(admin.projects().create(ProjectCreate.named(name)).name()).isEqualTo(name);
  }

  @Test
  void refusesNegativeRateLimit() {
    assertThatThrownBy(
            () ->
                admin
                    .projects()
                    .create(
                        new ProjectCreate(
                            TestRegistry.uniqueProject("rate"),
                            null,
                            new Policies(null, -1, null))))
        .isInstanceOfSatisfying(
            CairnApiException.class, e -> assertThat(e.code()).isEqualTo("BAD_REQUEST"));
  }
}
