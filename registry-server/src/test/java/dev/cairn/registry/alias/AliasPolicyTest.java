package dev.cairn.registry.alias;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.Model;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.Validation;
import dev.cairn.client.model.Version;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The activation rules about callers and targets (spec 20-integrity-activation): role, READY,
 * variant, completeness, validation and separation of duties, decided by {@link AliasPolicy} from
 * plain values: no server, no database.
 */
class AliasPolicyTest extends AliasPolicyFixtures {

  @Test
  void protectedAliasNeedsTheApproverRole() {
    assertThat(code(() -> decide(PUBLISHER, "production", both("v1"), Policies.defaults())))
        .isEqualTo("FORBIDDEN");
    assertThat(decide(APPROVER, "production", both("v1"), Policies.defaults()).unchanged())
        .isFalse();
  }

  @Test
  void unprotectedAliasNeedsPublisherOrApprover() {
    assertThat(decide(PUBLISHER, "staging", Map.of("LOW", "v1"), Policies.defaults()).pointers())
        .containsEntry("LOW", "v1");
    assertThat(
            code(
                () ->
                    decide(
                        caller("eve", false, false),
                        "staging",
                        Map.of("LOW", "v1"),
                        Policies.defaults())))
        .isEqualTo("FORBIDDEN");
  }

  @Test
  void modelsListedProtectedAliasesAreProtectedToo() {
    Model guarded = model(List.of("LOW", "HIGH"), List.of("canary"));
    AliasFacts facts =
        putFacts(guarded, PUBLISHER, "canary", Policies.defaults(), both("v1"), versions());

    assertThat(code(() -> AliasPolicy.decide(facts))).isEqualTo("FORBIDDEN");
  }

  @Test
  void targetMustBeReady() {
    for (String state : List.of("PENDING", "FAILED", "ARCHIVED")) {
      Function<String, Version> notReady = name -> version(name, "LOW", state, PASSED, "carol");

      assertThat(code(() -> decideWith("staging", Map.of("LOW", "v1"), notReady)))
          .as(state)
          .isEqualTo("VERSION_NOT_READY:LOW");
    }
  }

  @Test
  void targetMustBeOfTheVariant() {
    Function<String, Version> high = name -> version(name, "HIGH", "READY", PASSED, "carol");

    assertThat(code(() -> decideWith("staging", Map.of("LOW", "v1"), high)))
        .isEqualTo("VARIANT_MISMATCH:LOW");
  }

  @Test
  void protectedAliasNeedsEveryVariant() {
    assertThat(code(() -> decide(APPROVER, "production", Map.of("LOW", "v1"), Policies.defaults())))
        .isEqualTo("MODEL_INCOMPLETE:HIGH");
  }

  @Test
  void protectedAliasNeedsValidatedVersionsWhenThePolicySaysSo() {
    Validation failed = new Validation("PASSED", "MODEL_LOAD_FAILED", Map.of());
    Function<String, Version> unvalidated =
        name -> version(name, name.endsWith("h") ? "HIGH" : "LOW", "READY", failed, "carol");
    AliasFacts facts =
        putFacts(INK, APPROVER, "production", Policies.defaults(), both("v1"), unvalidated);

    assertThat(code(() -> AliasPolicy.decide(facts))).isEqualTo("VALIDATION_REQUIRED:HIGH");
    Policies lenient = new Policies(false, 3, false);
    assertThat(
            AliasPolicy.decide(
                    putFacts(INK, APPROVER, "production", lenient, both("v1"), unvalidated))
                .unchanged())
        .isFalse();
  }

  @Test
  void separationOfDutiesRefusesTheVersionsAuthor() {
    Policies separated = new Policies(true, 3, true);
    Function<String, Version> byAlice =
        name -> version(name, name.endsWith("h") ? "HIGH" : "LOW", "READY", PASSED, "alice");
    AliasFacts facts = putFacts(INK, APPROVER, "production", separated, both("v1"), byAlice);

    assertThat(code(() -> AliasPolicy.decide(facts))).isEqualTo("SEPARATION_OF_DUTIES");
  }
}
