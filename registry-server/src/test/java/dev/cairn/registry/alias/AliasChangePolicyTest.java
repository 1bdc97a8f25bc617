package dev.cairn.registry.alias;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.Alias;
import dev.cairn.client.model.Policies;
import dev.cairn.registry.domain.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The activation rules about the alias being changed: owner ({@code managed_by}), release, rate
 * limit, expected generation, no-op changes, recorded approver and deletion.
 */
class AliasChangePolicyTest extends AliasPolicyFixtures {

  @Test
  void managedAliasChangesOnlyThroughItsOwner() {
    Alias managed =
        new Alias("production", both("v1"), 4, "ModelActivation qc/prod", NOW, "op", null);
    AliasRequest byRest = put(both("v2"));
    AliasRequest byOwner =
        new AliasRequest.Put(both("v2"), false, "ModelActivation qc/prod", null, null);

    assertThat(code(() -> AliasPolicy.decide(change(managed, byRest, NONE_RECENT))))
        .isEqualTo("ALIAS_MANAGED");
    assertThat(AliasPolicy.decide(change(managed, byOwner, NONE_RECENT)).managedBy())
        .isEqualTo("ModelActivation qc/prod");
  }

  @Test
  void releasingGivesTheAliasUp() {
    Alias managed = new Alias("production", both("v1"), 4, "ModelActivation qc/p", NOW, "op", null);
    AliasRequest release = new AliasRequest.Put(Map.of(), true, "ModelActivation qc/p", null, null);

    AliasDecision decision = AliasPolicy.decide(change(managed, release, NONE_RECENT));

    assertThat(decision.managedBy()).isNull();
    assertThat(decision.unchanged()).isFalse();
    assertThat(((AliasDecision.Write) decision).action()).isEqualTo("ALIAS_RELEASE");
  }

  @Test
  void protectedAliasIsRateLimited() {
    Policies twoPerMinute = new Policies(false, 2, true);
    var twoRecent = new AliasRepository.RecentWrites(2, Optional.of(NOW.minusSeconds(20)));

    ApiException limited =
        catchApi(() -> AliasPolicy.decide(fresh(twoPerMinute, put(both("v1")), twoRecent)));

    assertThat(limited.code()).isEqualTo("RATE_LIMITED");
    assertThat(limited.status()).isEqualTo(429);
    var oneRecent = new AliasRepository.RecentWrites(1, Optional.of(NOW.minusSeconds(20)));
    assertThat(AliasPolicy.decide(fresh(twoPerMinute, put(both("v1")), oneRecent)).unchanged())
        .isFalse();
  }

  @Test
  void aRollbackIsNeverRateLimited() {
    // Issue 13, finding 6: the fourth production change in a minute, a rollback, got 429.
    Policies threePerMinute = new Policies(false, 3, true);
    AliasRequest rollback =
        new AliasRequest.Rollback(
            null, List.of("LOW", "HIGH"), Optional.of(both("v1")), null, null, null);
    var threeRecent = new AliasRepository.RecentWrites(3, Optional.of(NOW.minusSeconds(20)));

    AliasDecision rolledBack = AliasPolicy.decide(fresh(threePerMinute, rollback, threeRecent));

    assertThat(rolledBack.unchanged()).isFalse();
    assertThat(rolledBack.pointers()).isEqualTo(both("v1"));
    assertThat(((AliasDecision.Write) rolledBack).action()).isEqualTo("ALIAS_ROLLBACK");
    assertThat(code(() -> AliasPolicy.decide(fresh(threePerMinute, put(both("v1")), threeRecent))))
        .isEqualTo("RATE_LIMITED");
  }

  @Test
  void rateLimitIsReadOnlyForAProtectedChangeThatIsNoRollback() {
    Alias production = fresh("production");
    Policies limited = new Policies(false, 3, true);
    AliasRequest rollback =
        new AliasRequest.Rollback(null, List.of("LOW"), Optional.of(both("v1")), null, null, null);

    assertThat(AliasPolicy.rateLimited(INK, limited, production, put(both("v1")))).isTrue();
    assertThat(AliasPolicy.rateLimited(INK, limited, production, rollback)).isFalse();
    assertThat(AliasPolicy.rateLimited(INK, limited, fresh("staging"), put(both("v1")))).isFalse();
    assertThat(
            AliasPolicy.rateLimited(INK, new Policies(false, 0, true), production, put(both("v1"))))
        .isFalse();
  }

  @Test
  void aRollbackWithNoEarlierGenerationIsRefusedAfterThePreconditions() {
    Alias current = new Alias("staging", Map.of("LOW", "v1"), 1, null, NOW, "bob", null);
    AliasRequest nothingEarlier =
        new AliasRequest.Rollback(null, List.of("LOW"), Optional.empty(), null, null, null);
    AliasRequest toTheFuture =
        new AliasRequest.Rollback(5L, List.of("LOW"), Optional.empty(), null, null, null);

    assertThat(code(() -> AliasPolicy.decide(change(current, nothingEarlier, NONE_RECENT))))
        .isEqualTo("NO_PREVIOUS");
    assertThat(catchApi(() -> AliasPolicy.decide(change(current, toTheFuture, NONE_RECENT))))
        .satisfies(e -> assertThat(e.getMessage()).contains("to_generation must name an earlier"));
    AliasFacts stale =
        facts(
            INK,
            PUBLISHER,
            current,
            Policies.defaults(),
            Optional.of(7L),
            nothingEarlier,
            versions(),
            NONE_RECENT);
    assertThat(code(() -> AliasPolicy.decide(stale))).isEqualTo("PRECONDITION_FAILED");
  }

  @Test
  void staleGenerationIsAPreconditionFailure() {
    Alias current = new Alias("staging", Map.of("LOW", "v1"), 3, null, NOW, "bob", null);
    AliasFacts stale =
        facts(
            INK,
            PUBLISHER,
            current,
            Policies.defaults(),
            Optional.of(2L),
            put(Map.of("LOW", "v2")),
            versions(),
            NONE_RECENT);

    assertThat(code(() -> AliasPolicy.decide(stale))).isEqualTo("PRECONDITION_FAILED");
  }

  @Test
  void sameTargetsChangeNothingAndNeedNoVersionsOrRecentWrites() {
    Alias current = new Alias("production", both("v1"), 3, null, NOW, "alice", null);
    AliasFacts facts =
        facts(
            INK,
            APPROVER,
            current,
            Policies.defaults(),
            Optional.empty(),
            put(both("v1")),
            name -> {
              throw new AssertionError("no version expected");
            },
            Optional.empty());

    AliasDecision decision = AliasPolicy.decide(facts);

    assertThat(decision.unchanged()).isTrue();
    assertThat(facts.targets()).isEmpty();
    assertThat(AliasPolicy.changes(current, both("v1"), put(both("v1")))).isFalse();
  }

  @Test
  void aVersionTheFactsFoundMissingIsNotFound() {
    AliasFacts facts =
        new AliasFacts(
            APPROVER,
            INK,
            Policies.defaults(),
            new StoredAlias(UUID.randomUUID(), fresh("staging")),
            Optional.empty(),
            put(Map.of("LOW", "v9")),
            Map.of("v9", Optional.empty()),
            NONE_RECENT,
            NOW);

    assertThat(code(() -> AliasPolicy.decide(facts))).isEqualTo("VERSION_NOT_FOUND");
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

    assertThat(code(() -> AliasPolicy.decideDelete(deleteFacts(APPROVER, managed))))
        .isEqualTo("ALIAS_MANAGED");
    assertThat(code(() -> AliasPolicy.decideDelete(deleteFacts(PUBLISHER, plain))))
        .isEqualTo("FORBIDDEN");
    assertThat(AliasPolicy.decideDelete(deleteFacts(APPROVER, plain)).answer()).isEqualTo(plain);
  }

  /** An approver's change to {@code current} (production) under the default policies. */
  private static AliasFacts change(
      Alias current, AliasRequest request, Optional<AliasRepository.RecentWrites> recent) {
    return facts(
        INK, APPROVER, current, Policies.defaults(), Optional.empty(), request, versions(), recent);
  }

  /** An approver's first write of production under {@code policies}. */
  private static AliasFacts fresh(
      Policies policies, AliasRequest request, AliasRepository.RecentWrites recent) {
    return facts(
        INK,
        APPROVER,
        fresh("production"),
        policies,
        Optional.empty(),
        request,
        versions(),
        Optional.of(recent));
  }
}
