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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.assertj.core.api.Assertions;

/**
 * Plain-value facts, versions and callers for the {@link AliasPolicy} tests: the facts are built
 * the way {@link AliasFacts#load} reads them (a version only for each changed pointer).
 */
abstract class AliasPolicyFixtures {

  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  static final Validation PASSED = new Validation("PASSED", "PASSED", Map.of());
  static final Model INK = model(List.of("LOW", "HIGH"), List.of());
  static final Caller APPROVER = caller("alice", false, true);
  static final Caller PUBLISHER = caller("bob", true, false);
  static final Optional<AliasRepository.RecentWrites> NONE_RECENT =
      Optional.of(new AliasRepository.RecentWrites(0, Optional.empty()));

  /** The facts of a change to {@code current} asking {@code request}. */
  static AliasFacts facts(
      Model model,
      Caller caller,
      Alias current,
      Policies policies,
      Optional<Long> expected,
      AliasRequest request,
      Function<String, Version> versions,
      Optional<AliasRepository.RecentWrites> recent) {
    Map<String, Optional<Version>> targets = new LinkedHashMap<>();
    PointerProposals.proposed(current, request)
        .orElse(Map.of())
        .forEach(
            (variant, version) -> {
              if (!version.equals(current.pointers().get(variant))) {
                targets.put(version, Optional.of(versions.apply(version)));
              }
            });
    return new AliasFacts(
        caller,
        model,
        policies,
        new StoredAlias(UUID.randomUUID(), current),
        expected,
        request,
        targets,
        recent,
        NOW);
  }

  /** A PUT of {@code pointers} to a new alias. */
  static AliasFacts putFacts(
      Model model,
      Caller caller,
      String alias,
      Policies policies,
      Map<String, String> pointers,
      Function<String, Version> versions) {
    return facts(
        model,
        caller,
        fresh(alias),
        policies,
        Optional.empty(),
        put(pointers),
        versions,
        NONE_RECENT);
  }

  static AliasDecision decide(
      Caller caller, String alias, Map<String, String> pointers, Policies policies) {
    return AliasPolicy.decide(putFacts(INK, caller, alias, policies, pointers, versions()));
  }

  static AliasDecision decideWith(
      String alias, Map<String, String> pointers, Function<String, Version> versions) {
    return AliasPolicy.decide(
        putFacts(INK, APPROVER, alias, Policies.defaults(), pointers, versions));
  }

  static AliasFacts deleteFacts(Caller caller, Alias current) {
    return facts(
        INK,
        caller,
        current,
        Policies.defaults(),
        Optional.empty(),
        new AliasRequest.Delete(),
        versions(),
        Optional.empty());
  }

  /** A PUT naming {@code pointers}, no owner, no approver. */
  static AliasRequest.Put put(Map<String, String> pointers) {
    return new AliasRequest.Put(pointers, false, null, null, null);
  }

  /** An alias not written yet (generation 0). */
  static Alias fresh(String alias) {
    return new Alias(alias, Map.of(), 0, null, null, null, null);
  }

  /** READY, validated versions by carol; a name ending in "h" is of variant HIGH. */
  static Function<String, Version> versions() {
    return name -> version(name, name.endsWith("h") ? "HIGH" : "LOW", "READY", PASSED, "carol");
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
        NOW,
        null);
  }

  static Caller caller(String name, boolean publish, boolean approve) {
    return new Caller(new Actor(name, List.of(), "req-1"), publish, approve);
  }

  static String code(Runnable decision) {
    return catchApi(decision).code();
  }

  static ApiException catchApi(Runnable decision) {
    Throwable thrown = Assertions.catchThrowable(decision::run);
    assertThat(thrown).isInstanceOf(ApiException.class);
    return (ApiException) thrown;
  }
}
