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
 * variant, completeness, validation and separation of duties, decided by {@link ActivationPolicy}
 * from plain values: no server, no database.
 */
class ActivationPolicyTest extends ActivationPolicyFixtures {

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
    ActivationPolicy.Facts facts = facts(guarded, PUBLISHER, "canary", Policies.defaults());

    assertThat(code(() -> policy.decide(facts, c -> both("v1"), versions(), none(), NOW)))
        .isEqualTo("FORBIDDEN");
  }

  @Test
  void targetMustBeReady() {
    Function<String, Version> building = name -> version(name, "LOW", "BUILDING", PASSED, "carol");

    assertThat(code(() -> decideWith("staging", Map.of("LOW", "v1"), building)))
        .isEqualTo("VERSION_NOT_READY:LOW");
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
    ActivationPolicy.Facts facts = facts(INK, APPROVER, "production", Policies.defaults());

    assertThat(
            code(
                () ->
                    policy.decide(
                        facts, c -> Map.of("LOW", "v1", "HIGH", "v1h"), unvalidated, none(), NOW)))
        .isEqualTo("VALIDATION_REQUIRED:HIGH");
    Policies lenient = new Policies(false, 3, false);
    assertThat(
            policy
                .decide(
                    facts(INK, APPROVER, "production", lenient),
                    c -> Map.of("LOW", "v1", "HIGH", "v1h"),
                    unvalidated,
                    none(),
                    NOW)
                .unchanged())
        .isFalse();
  }

  @Test
  void separationOfDutiesRefusesTheVersionsAuthor() {
    Policies separated = new Policies(true, 3, true);
    Function<String, Version> byAlice =
        name -> version(name, name.endsWith("h") ? "HIGH" : "LOW", "READY", PASSED, "alice");
    ActivationPolicy.Facts facts = facts(INK, APPROVER, "production", separated);

    assertThat(
            code(
                () ->
                    policy.decide(
                        facts, c -> Map.of("LOW", "v1", "HIGH", "v1h"), byAlice, none(), NOW)))
        .isEqualTo("SEPARATION_OF_DUTIES");
  }
}
