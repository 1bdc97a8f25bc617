package dev.cairn.registry.alias;

import static org.assertj.core.api.Assertions.assertThat;

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
class NamedApproverPolicyTest extends AliasPolicyFixtures {

  @Test
  void anApproverMayNameWhoApprovedAndThatNameIsRecorded() {
    AliasDecision decision = AliasPolicy.decide(named(APPROVER, "production", "operator_A"));

    assertThat(decision.approvedBy()).isEqualTo("operator_A");
  }

  @Test
  void aCallerWithoutTheApproverRoleMayNotNameAnApprover() {
    assertThat(code(() -> AliasPolicy.decide(named(PUBLISHER, "staging", "operator_A"))))
        .isEqualTo("FORBIDDEN");
  }

  @Test
  void theNamedApproverMayNotHaveCreatedTheVersionUnderSeparationOfDuties() {
    Policies separate = new Policies(true, 0, true);

    assertThat(code(() -> AliasPolicy.decide(named(APPROVER, "production", "carol", separate))))
        .isEqualTo("SEPARATION_OF_DUTIES");
    assertThat(AliasPolicy.decide(named(APPROVER, "production", "dave", separate)).approvedBy())
        .isEqualTo("dave");
  }

  private static AliasFacts named(Caller caller, String alias, String approvedBy) {
    return named(caller, alias, approvedBy, Policies.defaults());
  }

  /** A PUT naming {@code approvedBy}: both variants to v1 on a protected alias, LOW alone else. */
  private static AliasFacts named(
      Caller caller, String alias, String approvedBy, Policies policies) {
    Map<String, String> pointers = alias.equals("production") ? both("v1") : Map.of("LOW", "v1");
    return facts(
        INK,
        caller,
        fresh(alias),
        policies,
        Optional.empty(),
        new AliasRequest.Put(pointers, false, null, approvedBy, null),
        versions(),
        NONE_RECENT);
  }
}
