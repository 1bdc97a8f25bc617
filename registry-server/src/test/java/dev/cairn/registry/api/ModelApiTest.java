package dev.cairn.registry.api;

import static dev.cairn.registry.testing.Problems.expectCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Model;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ModelPatch;
import dev.cairn.client.model.ModelQuery;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelApiTest {

  private final TestRegistry registry = TestRegistry.shared();
  private final CairnClient admin = registry.client(TestTokens.ADMIN);
  private final CairnClient publisher = registry.client(TestTokens.PUBLISHER);
  private String project;

  @BeforeEach
  void createProject() {
    project = TestRegistry.uniqueProject("models");
    admin.projects().create(ProjectCreate.named(project));
  }

  @Test
  void createsModelWithDefaultVariantAndRecordsCreator() {
    Model model = publisher.models().create(project, ModelCreate.named("fraud"));

    assertThat(model.variants()).containsExactly("default");
    assertThat(model.defaultVariant()).isEqualTo("default");
    assertThat(model.state()).isEqualTo("LIVE");
    assertThat(model.createdBy()).isEqualTo("publisher");
    assertThat(publisher.models().get(project, "fraud")).isEqualTo(model);
  }

  @Test
  void keepsVariantsAndDefaultVariant() {
    Model model =
        publisher
            .models()
            .create(
                project,
                ModelCreate.named("ink").withVariants(List.of("LOW", "MID", "HIGH"), "MID"));

    assertThat(model.variants()).containsExactly("LOW", "MID", "HIGH");
    assertThat(model.defaultVariant()).isEqualTo("MID");
    expectCode(
        "BAD_REQUEST",
        () ->
            publisher
                .models()
                .create(project, ModelCreate.named("bad").withVariants(List.of("A"), "B")));
    expectCode(
        "INVALID_NAME:variant",
        () ->
            publisher
                .models()
                .create(
                    project, ModelCreate.named("bad").withVariants(List.of("has space"), null)));
  }

  @Test
  void filtersByStateLabelAndNamePrefix() {
    publisher
        .models()
        .create(project, ModelCreate.named("fraud-a").withLabels(Map.of("team", "risk")));
    publisher
        .models()
        .create(project, ModelCreate.named("fraud-b").withLabels(Map.of("team", "ops")));
    publisher
        .models()
        .create(project, ModelCreate.named("churn").withLabels(Map.of("team", "risk")));
    publisher.models().patch(project, "fraud-b", ModelPatch.state("ARCHIVED"));

    assertThat(names(ModelQuery.all().withLabel("team", "risk")))
        .containsExactly("fraud-a", "churn");
    assertThat(names(ModelQuery.all().withNamePrefix("fraud")))
        .containsExactly("fraud-a", "fraud-b");
    assertThat(names(ModelQuery.all().withState("ARCHIVED"))).containsExactly("fraud-b");
    assertThat(names(ModelQuery.all().withLabel("team", "risk").withLabel("team", "ops")))
        .isEmpty();
    assertThat(names(ModelQuery.all().orderedBy("name desc")))
        .containsExactly("fraud-b", "fraud-a", "churn");
    expectCode("BAD_REQUEST", () -> names(ModelQuery.all().orderedBy("size")));
  }

  @Test
  void patchChangesOnlyNamedFields() {
    publisher
        .models()
        .create(
            project,
            new ModelCreate("m", "first", "ink-inspection", Map.of("a", "1"), null, null, null));

    Model patched =
        publisher.models().patch(project, "m", new ModelPatch("second", null, null, null, null));

    assertThat(patched.description()).isEqualTo("second");
    assertThat(patched.task()).isEqualTo("ink-inspection");
    assertThat(patched.labels()).containsEntry("a", "1");
    assertThat(patched.updatedAt()).isAfter(patched.createdAt());
  }

  @Test
  void onlyAdminsChangeProtectedAliases() {
    publisher.models().create(project, ModelCreate.named("guarded"));
    ModelPatch protect = new ModelPatch(null, null, null, null, List.of("staging"));

    expectCode("FORBIDDEN", () -> publisher.models().patch(project, "guarded", protect));
    assertThat(admin.models().patch(project, "guarded", protect).protectedAliases())
        .containsExactly("staging");
  }

  @Test
  void deletesLiveModelsInOneCallAndFreesTheName() {
    Model first = publisher.models().create(project, ModelCreate.named("once"));

    expectCode("FORBIDDEN", () -> publisher.models().delete(project, "once"));
    admin.models().delete(project, "once");

    expectCode("MODEL_NOT_FOUND", () -> admin.models().get(project, "once"));
    Model again = publisher.models().create(project, ModelCreate.named("once"));
    assertThat(again.id()).isNotEqualTo(first.id());
  }

  @Test
  void refusesDuplicatesAndUnknownStates() {
    publisher.models().create(project, ModelCreate.named("twice"));

    expectCode(
        "MODEL_EXISTS", () -> publisher.models().create(project, ModelCreate.named("twice")));
    expectCode(
        "BAD_REQUEST", () -> publisher.models().patch(project, "twice", ModelPatch.state("GONE")));
    expectCode("MODEL_NOT_FOUND", () -> publisher.models().get(project, "never"));
  }

  private List<String> names(ModelQuery query) {
    return publisher.models().list(project, query).items().stream().map(Model::name).toList();
  }
}
