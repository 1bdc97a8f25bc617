package dev.cairn.registry.alias;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.Alias;
import dev.cairn.client.model.Model;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.Validation;
import dev.cairn.client.model.Version;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.domain.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every activation rule of spec 20-integrity-activation, decided by {@link ActivationPolicy} from
 * plain values: no server, no database.
 */
class ActivationPolicyTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final Validation PASSED = new Validation("PASSED", "PASSED", Map.of());
  private static final Model INK = model(List.of("LOW", "HIGH"), List.of());
  private static final Caller APPROVER = caller("alice", false, true);
  private static final Caller PUBLISHER = caller("bob", true, false);

  private final ActivationPolicy policy = new ActivationPolicy();

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
    Facts facts = facts(guarded, PUBLISHER, "canary", Policies.defaults());

    assertThat(code(() -> policy.decide(facts.facts, c -> both("v1"), versions(), none(), NOW)))
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
    Facts facts = facts(INK, APPROVER, "production", Policies.defaults());

    assertThat(
            code(
                () ->
                    policy.decide(
                        facts.facts,
                        c -> Map.of("LOW", "v1", "HIGH", "v1h"),
                        unvalidated,
                        none(),
                        NOW)))
        .isEqualTo("VALIDATION_REQUIRED:HIGH");
    Policies lenient = new Policies(false, 3, false);
    assertThat(
            policy
                .decide(
                    facts(INK, APPROVER, "production", lenient).facts,
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
    Facts facts = facts(INK, APPROVER, "production", separated);

    assertThat(
            code(
                () ->
                    policy.decide(
                        facts.facts,
                        c -> Map.of("LOW", "v1", "HIGH", "v1h"),
                        byAlice,
                        none(),
                        NOW)))
        .isEqualTo("SEPARATION_OF_DUTIES");
  }

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
    Facts facts = facts(INK, APPROVER, "production", new Policies(false, 2, true));
    var twoRecent = new AliasRepository.RecentWrites(2, Optional.of(NOW.minusSeconds(20)));

    ApiException limited =
        catchApi(
            () -> policy.decide(facts.facts, c -> both("v1"), versions(), () -> twoRecent, NOW));

    assertThat(limited.code()).isEqualTo("RATE_LIMITED");
    assertThat(limited.status()).isEqualTo(429);
    var oneRecent = new AliasRepository.RecentWrites(1, Optional.of(NOW.minusSeconds(20)));
    assertThat(
            policy
                .decide(facts.facts, c -> both("v1"), versions(), () -> oneRecent, NOW)
                .unchanged())
        .isFalse();
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

  // --- fixtures -------------------------------------------------------------------------------

  private record Facts(ActivationPolicy.Facts facts) {}

  private static Facts facts(Model model, Caller caller, String alias, Policies policies) {
    return new Facts(
        new ActivationPolicy.Facts(
            model,
            policies,
            caller,
            new Alias(alias, Map.of(), 0, null, null, null, null),
            Optional.empty(),
            null,
            false,
            null));
  }

  private ActivationPolicy.Decision decide(
      Caller caller, String alias, Map<String, String> pointers, Policies policies) {
    return policy.decide(
        facts(INK, caller, alias, policies).facts, c -> pointers, versions(), none(), NOW);
  }

  private ActivationPolicy.Decision decideWith(
      String alias, Map<String, String> pointers, Function<String, Version> versions) {
    return policy.decide(
        facts(INK, APPROVER, alias, Policies.defaults()).facts,
        c -> pointers,
        versions,
        none(),
        NOW);
  }

  private static ActivationPolicy.Facts deleteFacts(Caller caller, Alias current) {
    return new ActivationPolicy.Facts(
        INK, Policies.defaults(), caller, current, Optional.empty(), null, false, null);
  }

  /** READY, validated versions by carol; a name ending in "h" is of variant HIGH. */
  private static Function<String, Version> versions() {
    return name -> version(name, name.endsWith("h") ? "HIGH" : "LOW", "READY", PASSED, "carol");
  }

  private static java.util.function.Supplier<AliasRepository.RecentWrites> none() {
    return () -> new AliasRepository.RecentWrites(0, Optional.empty());
  }

  private static Map<String, String> both(String version) {
    return Map.of("LOW", version, "HIGH", version + "h");
  }

  private static Model model(List<String> variants, List<String> protectedAliases) {
    return new Model(
        "id",
        "ink",
        "qc",
        null,
        null,
        Map.of(),
        variants,
        variants.getFirst(),
        protectedAliases,
        "ACTIVE",
        NOW,
        "carol",
        NOW);
  }

  private static Version version(
      String name, String variant, String state, Validation validation, String createdBy) {
    return new Version(
        "id-" + name,
        "ink",
        name,
        variant,
        state,
        "color-signature",
        null,
        "sha256:00",
        1L,
        List.of(),
        Map.of(),
        Map.of(),
        validation,
        Map.of(),
        null,
        null,
        List.of(),
        null,
        NOW,
        createdBy,
        NOW);
  }

  private static Caller caller(String name, boolean publish, boolean approve) {
    return new Caller(new Actor(name, List.of(), "req-1"), publish, approve);
  }

  private static String code(Runnable decision) {
    return catchApi(decision).code();
  }

  private static ApiException catchApi(Runnable decision) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(decision::run);
    assertThat(thrown).isInstanceOf(ApiException.class);
    return (ApiException) thrown;
  }
}
