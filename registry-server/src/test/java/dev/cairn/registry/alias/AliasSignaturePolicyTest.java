package dev.cairn.registry.alias;

import static dev.cairn.registry.alias.AliasPolicyFixtures.APPROVER;
import static dev.cairn.registry.alias.AliasPolicyFixtures.INK;
import static dev.cairn.registry.alias.AliasPolicyFixtures.NOW;
import static dev.cairn.registry.alias.AliasPolicyFixtures.both;
import static dev.cairn.registry.alias.AliasPolicyFixtures.catchApi;
import static dev.cairn.registry.alias.AliasPolicyFixtures.code;
import static dev.cairn.registry.alias.AliasPolicyFixtures.putFacts;
import static dev.cairn.registry.alias.AliasPolicyFixtures.versions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.Policies;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionSignature;
import dev.cairn.registry.domain.ApiException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code require_signature} in the pure alias decision (issue 28): protected pointers need a
 * signature the current policy trusts; unprotected aliases and projects without the policy are
 * untouched. Plain values, no server.
 */
class AliasSignaturePolicyTest {

  private static final Policies REQUIRED = new Policies(false, 0, true, true);

  @Test
  void anUnsignedVersionIsRefusedOnAProtectedAliasNamingVersionAndVariant() {
    ApiException refusal =
        catchApi(
            () ->
                AliasPolicy.decide(
                    putFacts(INK, APPROVER, "production", REQUIRED, both("v1"), versions())));
    assertThat(refusal.code()).isEqualTo("SIGNATURE_REQUIRED");
    assertThat(refusal.status()).isEqualTo(422);
    assertThat(refusal.detail()).contains("'v1", "variant '");
  }

  @Test
  void aSignatureTheCurrentPolicyNoLongerTrustsIsRefused() {
    Function<String, Version> untrusted = signed(false);
    assertThat(
            code(
                () ->
                    AliasPolicy.decide(
                        putFacts(INK, APPROVER, "production", REQUIRED, both("v1"), untrusted))))
        .isEqualTo("SIGNATURE_UNTRUSTED");
  }

  @Test
  void aTrustedSignatureIsActivated() {
    assertThat(
            AliasPolicy.decide(
                    putFacts(INK, APPROVER, "production", REQUIRED, both("v1"), signed(true)))
                .unchanged())
        .isFalse();
  }

  @Test
  void unprotectedAliasesAndProjectsWithoutThePolicyAreNotAffected() {
    assertThat(
            AliasPolicy.decide(putFacts(INK, APPROVER, "staging", REQUIRED, both("v1"), versions()))
                .unchanged())
        .isFalse();
    assertThat(
            AliasPolicy.decide(
                    putFacts(
                        INK,
                        APPROVER,
                        "production",
                        new Policies(false, 0, true, false),
                        both("v1"),
                        versions()))
                .unchanged())
        .isFalse();
  }

  private static Function<String, Version> signed(boolean trusted) {
    return name ->
        versions()
            .apply(name)
            .withSignature(new VersionSignature("key", "ab".repeat(32), NOW, trusted));
  }
}
