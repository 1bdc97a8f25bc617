package dev.cairn.registry.alias;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.Alias;
import dev.cairn.client.model.Policies;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, item 11: {@code approved_by} (seed 000's activation field, {@code activate
 * --approved-by}) names who approved a change when that is not the caller. Before, anyone who could
 * write an alias could record any name as its approver; now only a caller holding the approver role
 * may name one (it vouches for the approval and stays the recorded actor), and under separation of
 * duties the named approver may not have created a version being activated either.
 */
class NamedApproverPolicyTest extends ActivationPolicyFixtures {

  @Test
  void anApproverMayNameWhoApprovedAndThatNameIsRecorded() {
    ActivationPolicy.Decision decision =
        policy.decide(
            named(APPROVER, "production", "operator_A"), c -> both("v1"), versions(), none(), NOW);

    assertThat(decision.approvedBy()).isEqualTo("operator_A");
  }

  @Test
  void aCallerWithoutTheApproverRoleMayNotNameAnApprover() {
    assertThat(
            code(
                () ->
                    policy.decide(
                        named(PUBLISHER, "staging", "operator_A"),
                        c -> Map.of("LOW", "v1"),
                        versions(),
                        none(),
                        NOW)))
        .isEqualTo("FORBIDDEN");
  }

  @Test
  void theNamedApproverMayNotHaveCreatedTheVersionUnderSeparationOfDuties() {
    Policies separate = new Policies(true, 0, true);

    assertThat(
            code(
                () ->
                    policy.decide(
                        named(APPROVER, "production", "carol", separate),
                        c -> both("v1"),
                        versions(),
                        none(),
                        NOW)))
        .isEqualTo("SEPARATION_OF_DUTIES");
    assertThat(
            policy
                .decide(
                    named(APPROVER, "production", "dave", separate),
                    c -> both("v1"),
                    versions(),
                    none(),
                    NOW)
                .approvedBy())
        .isEqualTo("dave");
  }

  private static ActivationPolicy.Facts named(Caller caller, String alias, String approvedBy) {
    return named(caller, alias, approvedBy, Policies.defaults());
  }

  private static ActivationPolicy.Facts named(
      Caller caller, String alias, String approvedBy, Policies policies) {
    return new ActivationPolicy.Facts(
        INK,
        policies,
        caller,
        new Alias(alias, Map.of(), 0, null, null, null, null),
        Optional.empty(),
        null,
        false,
        approvedBy);
  }
}
