package dev.cairn.registry.alias;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.Alias;
import dev.cairn.client.model.Policies;
import dev.cairn.registry.domain.ApiException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The activation rules about the alias being changed: owner ({@code managed_by}), release, rate
 * limit, expected generation, no-op changes, recorded approver and deletion.
 */
class AliasChangePolicyTest extends ActivationPolicyFixtures {

  @Test
  void managedAliasChangesOnlyThroughItsOwner() {
    Alias managed =
        new Alias("production", both("v1"), 4, "ModelActivation qc/prod", NOW, "op", null);
    ActivationPolicy.Facts byRest =
        new ActivationPolicy.Facts(
            INK, Policies.defaults(), APPROVER, managed, Optional.empty(), null, false, null);
    ActivationPolicy.Facts byOwner =
        new ActivationPolicy.Facts(
            INK,
            Policies.defaults(),
            APPROVER,
            managed,
            Optional.empty(),
            "ModelActivation qc/prod",
            false,
            null);

    assertThat(code(() -> policy.decide(byRest, c -> both("v2"), versions(), none(), NOW)))
        .isEqualTo("ALIAS_MANAGED");
    assertThat(policy.decide(byOwner, c -> both("v2"), versions(), none(), NOW).managedBy())
        .isEqualTo("ModelActivation qc/prod");
  }

  @Test
  void releasingGivesTheAliasUp() {
    Alias managed = new Alias("production", both("v1"), 4, "ModelActivation qc/p", NOW, "op", null);
    ActivationPolicy.Facts release =
        new ActivationPolicy.Facts(
            INK,
            Policies.defaults(),
            APPROVER,
            managed,
            Optional.empty(),
            "ModelActivation qc/p",
            true,
            null);

    ActivationPolicy.Decision decision =
        policy.decide(release, c -> c.pointers(), versions(), none(), NOW);

    assertThat(decision.managedBy()).isNull();
    assertThat(decision.unchanged()).isFalse();
  }

  @Test
  void protectedAliasIsRateLimited() {
    ActivationPolicy.Facts facts = facts(INK, APPROVER, "production", new Policies(false, 2, true));
    var twoRecent = new AliasRepository.RecentWrites(2, Optional.of(NOW.minusSeconds(20)));

    ApiException limited =
        catchApi(() -> policy.decide(facts, c -> both("v1"), versions(), () -> twoRecent, NOW));

    assertThat(limited.code()).isEqualTo("RATE_LIMITED");
    assertThat(limited.status()).isEqualTo(429);
    var oneRecent = new AliasRepository.RecentWrites(1, Optional.of(NOW.minusSeconds(20)));
    assertThat(policy.decide(facts, c -> both("v1"), versions(), () -> oneRecent, NOW).unchanged())
        .isFalse();
  }

  @Test
  void aRollbackIsNeverRateLimited() {
    // Issue 13, finding 6: the fourth production change in a minute, a rollback, got 429.
    ActivationPolicy.Facts put = facts(INK, APPROVER, "production", new Policies(false, 3, true));
    ActivationPolicy.Facts rollback =
        new ActivationPolicy.Facts(
            put.model(),
            put.policies(),
            put.caller(),
            put.current(),
            Optional.empty(),
            null,
            false,
            null,
            true);
    var threeRecent = new AliasRepository.RecentWrites(3, Optional.of(NOW.minusSeconds(20)));

    assertThat(policy.decide(rollback, c -> both("v1"), versions(), () -> threeRecent, NOW))
        .satisfies(d -> assertThat(d.unchanged()).isFalse());
    assertThat(code(() -> policy.decide(put, c -> both("v1"), versions(), () -> threeRecent, NOW)))
        .isEqualTo("RATE_LIMITED");
  }

  @Test
  void staleGenerationIsAPreconditionFailure() {
    Alias current = new Alias("staging", Map.of("LOW", "v1"), 3, null, NOW, "bob", null);
    ActivationPolicy.Facts stale =
        new ActivationPolicy.Facts(
            INK, Policies.defaults(), PUBLISHER, current, Optional.of(2L), null, false, null);

    assertThat(code(() -> policy.decide(stale, c -> Map.of("LOW", "v2"), versions(), none(), NOW)))
        .isEqualTo("PRECONDITION_FAILED");
  }

  @Test
  void sameTargetsChangeNothingAndLookNothingUp() {
    Alias current = new Alias("production", both("v1"), 3, null, NOW, "alice", null);
    ActivationPolicy.Facts facts =
        new ActivationPolicy.Facts(
            INK, Policies.defaults(), APPROVER, current, Optional.empty(), null, false, null);

    ActivationPolicy.Decision decision =
        policy.decide(
            facts,
            c -> both("v1"),
            name -> {
              throw new AssertionError("no lookup expected");
            },
            () -> {
              throw new AssertionError("no rate count expected");
            },
            NOW);

    assertThat(decision.unchanged()).isTrue();
  }

  @Test
  void approverIsRecordedForProtectedAliasesUnlessNamed() {
    assertThat(decide(APPROVER, "production", both("v1"), Policies.defaults()).approvedBy())
        .isEqualTo("alice");
    assertThat(decide(PUBLISHER, "staging", Map.of("LOW", "v1"), Policies.defaults()).approvedBy())
        .isNull();
  }

  @Test
  void deletingNeedsTheRoleAndNoOwner() {
    Alias managed = new Alias("production", both("v1"), 2, "ModelActivation qc/p", NOW, "op", null);
    Alias plain = new Alias("production", both("v1"), 2, null, NOW, "op", null);

    assertThat(code(() -> policy.decideDelete(deleteFacts(APPROVER, managed))))
        .isEqualTo("ALIAS_MANAGED");
    assertThat(code(() -> policy.decideDelete(deleteFacts(PUBLISHER, plain))))
        .isEqualTo("FORBIDDEN");
    policy.decideDelete(deleteFacts(APPROVER, plain));
  }
}
