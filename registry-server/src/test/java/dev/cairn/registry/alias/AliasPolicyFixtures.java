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

/** Plain-value facts, versions and callers for the {@link ActivationPolicy} tests. */
abstract class ActivationPolicyFixtures {

  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  static final Validation PASSED = new Validation("PASSED", "PASSED", Map.of());
  static final Model INK = model(List.of("LOW", "HIGH"), List.of());
  static final Caller APPROVER = caller("alice", false, true);
  static final Caller PUBLISHER = caller("bob", true, false);

  final ActivationPolicy policy = new ActivationPolicy();

  static ActivationPolicy.Facts facts(Model model, Caller caller, String alias, Policies policies) {
    return new ActivationPolicy.Facts(
        model,
        policies,
        caller,
        new Alias(alias, Map.of(), 0, null, null, null, null),
        Optional.empty(),
        null,
        false,
        null);
  }

  ActivationPolicy.Decision decide(
      Caller caller, String alias, Map<String, String> pointers, Policies policies) {
    return policy.decide(
        facts(INK, caller, alias, policies), c -> pointers, versions(), none(), NOW);
  }

  ActivationPolicy.Decision decideWith(
      String alias, Map<String, String> pointers, Function<String, Version> versions) {
    return policy.decide(
        facts(INK, APPROVER, alias, Policies.defaults()), c -> pointers, versions, none(), NOW);
  }

  static ActivationPolicy.Facts deleteFacts(Caller caller, Alias current) {
    return new ActivationPolicy.Facts(
        INK, Policies.defaults(), caller, current, Optional.empty(), null, false, null);
  }

  /** READY, validated versions by carol; a name ending in "h" is of variant HIGH. */
  static Function<String, Version> versions() {
    return name -> version(name, name.endsWith("h") ? "HIGH" : "LOW", "READY", PASSED, "carol");
  }

  static java.util.function.Supplier<AliasRepository.RecentWrites> none() {
    return () -> new AliasRepository.RecentWrites(0, Optional.empty());
  }

  static Map<String, String> both(String version) {
    return Map.of("LOW", version, "HIGH", version + "h");
  }

  static Model model(List<String> variants, List<String> protectedAliases) {
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

  static Version version(
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

  static Caller caller(String name, boolean publish, boolean approve) {
    return new Caller(new Actor(name, List.of(), "req-1"), publish, approve);
  }

  static String code(Runnable decision) {
    return catchApi(decision).code();
  }

  static ApiException catchApi(Runnable decision) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(decision::run);
    assertThat(thrown).isInstanceOf(ApiException.class);
    return (ApiException) thrown;
  }
}
