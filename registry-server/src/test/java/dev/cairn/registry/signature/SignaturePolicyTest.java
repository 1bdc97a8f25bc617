package dev.cairn.registry.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.client.model.TrustPolicy;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.testing.VersionBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The signature PUT decision and the trust document, from plain values (issue 28). */
class SignaturePolicyTest {

  private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");
  private static final String SHA = "1".repeat(64);
  private static final UUID ID = UUID.randomUUID();

  private final TestSigner signer = TestSigner.generate();

  @Test
  void aTrustedBundleOverExactlyTheFilesIsAcceptedWithItsSigner() {
    SignaturePolicy.Decision decision = decide(signer.sign(files()), Optional.empty(), "READY");
    assertThat(decision.created()).isTrue();
    assertThat(decision.signature().method()).isEqualTo("key");
    assertThat(decision.signature().signer()).isEqualTo(signer.hint());
    assertThat(decision.signature().verifiedAt()).isEqualTo(NOW);
  }

  @Test
  void theSameBytesAgainAreTheStoredSignatureAndOtherBytesAreRefused() {
    byte[] bundle = signer.sign(files());
    StoredSignature stored = decide(bundle, Optional.empty(), "READY").signature();
    assertThat(decide(bundle, Optional.of(stored), "READY").created()).isFalse();
    assertThat(code(() -> decide(signer.sign(files()), Optional.of(stored), "READY")))
        .isEqualTo("SIGNATURE_EXISTS");
  }

  @Test
  void refusalsCarryModelSigningsCodes() {
    assertThat(code(() -> decide(TestSigner.generate().sign(files()), Optional.empty(), "READY")))
        .isEqualTo("SIGNATURE_UNTRUSTED");
    assertThat(
            code(
                () ->
                    decide(
                        signer.sign(Map.of("model.bin", "2".repeat(64))),
                        Optional.empty(),
                        "READY")))
        .isEqualTo("SIGNATURE_MISMATCH:model.bin");
    assertThat(
            code(
                () ->
                    decide(
                        signer.sign(Map.of("model.bin", SHA, "extra.bin", SHA)),
                        Optional.empty(),
                        "READY")))
        .isEqualTo("SIGNATURE_MISMATCH:extra.bin");
    assertThat(code(() -> decide("{}".getBytes(StandardCharsets.UTF_8), Optional.empty(), "READY")))
        .isEqualTo("SIGNATURE_INVALID");
  }

  @Test
  void aVersionWhoseFilesMayStillChangeIsNotSigned() {
    assertThat(code(() -> decide(signer.sign(files()), Optional.empty(), "PENDING")))
        .isEqualTo("VERSION_NOT_READY");
  }

  @Test
  void theTrustDocumentHintsKeysAndTheRulesNumberVersions() {
    TrustPolicy asked = TrustDocument.parse(signer.policy("ci").getBytes(StandardCharsets.UTF_8));
    assertThat(asked.keys())
        .singleElement()
        .satisfies(k -> assertThat(k.hint()).isEqualTo(signer.hint()));
    TrustPolicy first = TrustRules.next(Optional.empty(), asked, Optional.empty(), "alice", NOW);
    assertThat(first.version()).isEqualTo(1);
    assertThat(TrustRules.next(Optional.of(first), asked, Optional.empty(), "bob", NOW).version())
        .isEqualTo(2);
  }

  /** Review 12 item 10: a PUT names the version it edited; another stored one is refused. */
  @Test
  void theRulesRefuseAnEditOfAnotherVersion() {
    TrustPolicy asked = TrustDocument.parse(signer.policy("ci").getBytes(StandardCharsets.UTF_8));
    TrustPolicy first = TrustRules.next(Optional.empty(), asked, Optional.of(0L), "alice", NOW);
    assertThat(first.version()).isEqualTo(1);
    assertThat(TrustRules.next(Optional.of(first), asked, Optional.of(1L), "bob", NOW).version())
        .isEqualTo(2);

    ApiException stale =
        catchThrowableOfType(
            ApiException.class,
            () -> TrustRules.next(Optional.of(first), asked, Optional.of(0L), "bob", NOW));
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.code()).isEqualTo("PRECONDITION_FAILED");
    assertThat(
            catchThrowableOfType(
                    ApiException.class,
                    () -> TrustRules.next(Optional.empty(), asked, Optional.of(1L), "bob", NOW))
                .status())
        .as("no policy is version 0")
        .isEqualTo(412);
  }

  private SignaturePolicy.Decision decide(
      byte[] bundle, Optional<StoredSignature> existing, String state) {
    CurrentTrust trust =
        new CurrentTrust(
            "p",
            1,
            TrustDocument.material(
                TrustDocument.parse(signer.policy("ci").getBytes(StandardCharsets.UTF_8))));
    return SignaturePolicy.decide(
        new SignaturePolicy.Facts(ID, version(state), existing, bundle, trust, NOW));
  }

  private static Map<String, String> files() {
    return Map.of("model.bin", SHA);
  }

  private static Version version(String state) {
    return VersionBuilder.version()
        .id(ID.toString())
        .state(state)
        .content("sha256:00", 1L)
        .files(List.of(new VersionFile("model.bin", SHA, 1L, "upload", null, true)))
        .created(NOW, "carol")
        .readyAt(NOW)
        .build();
  }

  private static String code(Runnable call) {
    return catchThrowableOfType(ApiException.class, call::run).code();
  }
}
