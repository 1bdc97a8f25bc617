package dev.cairn.registry.alias;

import static dev.cairn.registry.testing.Problems.expectCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.Alias;
import dev.cairn.client.model.AliasRollback;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.VersionPatch;
import dev.cairn.registry.testing.Versions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, items 21 and 11: a rollback without a target toggles between the last two generations
 * (kept: it is {@code kubectl rollout undo}); {@code to_generation} goes further back, and {@code
 * variants} rolls back one mode of seed 000 — each under the rules of any activation.
 */
class AliasRollbackTargetsTest extends AliasApiFixture {

  @Test
  void goesBackToANamedGenerationAsANewGeneration() {
    String v1 = ready("fraud", "default", "one");
    String v2 = ready("fraud", "default", "two");
    String v3 = ready("fraud", "default", "three");
    for (String v : List.of(v1, v2, v3)) {
      approver
          .aliases()
          .put(project, "fraud", "production", AliasUpdate.version(v, "step"), null, null);
    }

    Alias back = rollback("fraud", new AliasRollback(null, "back to the first", null, 1L));

    assertThat(back.pointers()).containsExactly(Map.entry("default", v1));
    assertThat(back.generation()).isEqualTo(4);
    Alias toggled = rollback("fraud", new AliasRollback(null, "undo", null));
    assertThat(toggled.pointers()).containsExactly(Map.entry("default", v3));
    expectCode("NO_PREVIOUS", () -> rollback("fraud", new AliasRollback(null, "now", null, 5L)));
    expectCode("BAD_REQUEST", () -> rollback("fraud", new AliasRollback(null, "zero", null, 0L)));
    assertThat(reader.aliases().get(project, "fraud", "production").generation()).isEqualTo(5);
  }

  @Test
  void namedGenerationFollowsTheActivationRules() {
    String v1 = ready("fraud", "default", "one");
    String v2 = ready("fraud", "default", "two");
    approver
        .aliases()
        .put(project, "fraud", "production", AliasUpdate.version(v1, "first"), null, null);
    approver
        .aliases()
        .put(project, "fraud", "production", AliasUpdate.version(v2, "second"), null, null);

    expectCode(
        "FORBIDDEN",
        () ->
            publisher
                .aliases()
                .rollback(project, "fraud", "production", new AliasRollback(null, "me", null, 1L)));
    publisher
        .versions()
        .patch(project, "fraud", v1, new VersionPatch(null, null, null, "ARCHIVED"));
    expectCode(
        "VERSION_NOT_READY:default",
        () -> rollback("fraud", new AliasRollback(null, "to archived", null, 1L)));
    assertThat(reader.aliases().get(project, "fraud", "production").pointers())
        .containsEntry("default", v2);
  }

  @Test
  void rollsBackOneVariantOfAThreeModeModel() {
    Map<String, String> first =
        Map.of(
            "LOW", ready("ink", "LOW", "l1"),
            "MID", ready("ink", "MID", "m1"),
            "HIGH", ready("ink", "HIGH", "h1"));
    approver
        .aliases()
        .put(project, "ink", "production", AliasUpdate.pointers(first, "all three"), null, null);
    String low2 = ready("ink", "LOW", "l2");
    String high2 = ready("ink", "HIGH", "h2");
    approver
        .aliases()
        .put(
            project,
            "ink",
            "production",
            AliasUpdate.pointers(Map.of("LOW", low2, "HIGH", high2), "new LOW and HIGH"),
            null,
            null);

    Alias after = rollback("ink", new AliasRollback(List.of("HIGH"), "HIGH drifts", null));

    assertThat(after.pointers())
        .containsEntry("HIGH", first.get("HIGH"))
        .containsEntry("LOW", low2)
        .containsEntry("MID", first.get("MID"));
    expectCode(
        "BAD_REQUEST", () -> rollback("ink", new AliasRollback(List.of("XL"), "no such", null)));
  }

  @Test
  void recordsTheApproverARollbackNamesAndRefusesOneNamedByANonApprover() {
    String v1 = ready("fraud", "default", "one");
    String v2 = ready("fraud", "default", "two");
    for (String v : List.of(v1, v2)) {
      publisher
          .aliases()
          .put(project, "fraud", "staging", AliasUpdate.version(v, "step"), null, null);
    }

    expectCode(
        "FORBIDDEN",
        () ->
            publisher
                .aliases()
                .rollback(
                    project,
                    "fraud",
                    "staging",
                    new AliasRollback(null, "me", null, null, "boss")));
    Alias back =
        approver
            .aliases()
            .rollback(
                project,
                "fraud",
                "staging",
                new AliasRollback(null, "two misbehaves", null, null, "operator_A"));

    assertThat(back.pointers()).containsEntry("default", v1);
    assertThat(back.approvedBy()).isEqualTo("operator_A");
    var newest = reader.aliases().history(project, "fraud", "staging", 1, null).items().get(0);
    assertThat(newest.action()).isEqualTo("ALIAS_ROLLBACK");
    assertThat(newest.approvedBy()).isEqualTo("operator_A");
    assertThat(newest.actor()).isEqualTo("approver");
  }

  private String ready(String model, String variant, String content) {
    return Versions.ready(publisher, project, model, variant, content).version();
  }

  private Alias rollback(String model, AliasRollback request) {
    return approver.aliases().rollback(project, model, "production", request);
  }
}
