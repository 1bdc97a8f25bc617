package dev.cairn.operator.e2e;

import static dev.cairn.operator.e2e.SignedVersions.files;
import static dev.cairn.operator.e2e.SignedVersions.withSignature;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.operator.crd.Condition;
import dev.cairn.operator.crd.Conditions;
import dev.cairn.operator.modelversion.ModelVersion;
import dev.cairn.operator.modelversion.ResourceKeyRef;
import dev.cairn.operator.modelversion.SignatureSource;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 28 item 5, the version side: {@code ModelVersion.spec.signature} verified against the
 * project's trust policy before registration and attached to the version (condition {@code
 * Signed}); an untrusted or mismatched signature registers nothing. Where the bundle is read from
 * (a ConfigMap, a Secret, beside the artifact, a URI) is {@link SignatureSourcesTest}'s; a {@code
 * ModelActivation} refused by {@code require_signature} is {@link SignedActivationTest}'s.
 */
class SignedModelTest extends SignatureEndToEnd {

  @Test
  void aTrustedInlineSignatureIsVerifiedRegisteredAndAttached() {
    String ns = fx.namespace("signed");
    KeyPair ci = RegistrySignatureCalls.key();
    calls.trustKeys(ns, Map.of("ci", ci));
    ModelVersion mv = SignedVersions.churn(fx, ns, 0);
    byte[] bundle = RegistrySignatureCalls.sign(ci, "churn", files(mv));
    mv.setSpec(
        withSignature(
            mv.getSpec(),
            new SignatureSource(new String(bundle, StandardCharsets.UTF_8), null, null, null)));
    fx.kube.resource(mv).create();

    ModelVersion verified = fx.awaitVersion(ns, "churn-v1", "Verified");
    Condition signed = Conditions.find(verified.getStatus().conditions(), "Signed").orElseThrow();
    assertThat(signed.status()).isEqualTo("True");
    assertThat(signed.message())
        .contains("signed by " + RegistrySignatureCalls.hint(ci))
        .contains("method key")
        .contains("trusted as ci");
    assertThat(calls.stored(ns, "churn", "v1")).isEqualTo(bundle);

    // Without spec.signature there is no Signed condition at all.
    ModelVersion plain = SignedVersions.churn(fx, ns, 1);
    fx.kube.resource(plain).create();
    ModelVersion unsigned = fx.awaitVersion(ns, "churn-v2", "Verified");
    assertThat(Conditions.find(unsigned.getStatus().conditions(), "Signed")).isEmpty();
    assertThat(calls.stored(ns, "churn", "v2")).isNull();
  }

  @Test
  void anUntrustedOrMismatchedSignatureRegistersNothing() {
    String ns = fx.namespace("refused");
    KeyPair ci = RegistrySignatureCalls.key();
    calls.trustKeys(ns, Map.of("ci", ci));

    // Signed by a key the policy does not name, read from a ConfigMap.
    ModelVersion untrusted = SignedVersions.churn(fx, ns, 0);
    byte[] stranger =
        RegistrySignatureCalls.sign(RegistrySignatureCalls.key(), "churn", files(untrusted));
    fx.kube
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("churn-sig")
                .withNamespace(ns)
                .endMetadata()
                .addToData("model.sig", new String(stranger, StandardCharsets.UTF_8))
                .build())
        .create();
    untrusted.setSpec(
        withSignature(
            untrusted.getSpec(),
            new SignatureSource(null, new ResourceKeyRef("churn-sig", "model.sig"), null, null)));
    fx.kube.resource(untrusted).create();
    assertRefused(ns, "churn-v1", "SIGNATURE_UNTRUSTED", "v1");

    // Signed by the trusted key over other bytes, read from a Secret.
    ModelVersion mismatched = SignedVersions.churn(fx, ns, 1);
    String otherDigest = "0".repeat(64);
    byte[] wrong = RegistrySignatureCalls.sign(ci, "churn", Map.of("model.json", otherDigest));
    fx.kube
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("churn-v2-sig")
                .withNamespace(ns)
                .endMetadata()
                .addToData("sig", Base64.getEncoder().encodeToString(wrong))
                .build())
        .create();
    mismatched.setSpec(
        withSignature(
            mismatched.getSpec(),
            new SignatureSource(null, null, new ResourceKeyRef("churn-v2-sig", "sig"), null)));
    fx.kube.resource(mismatched).create();
    Condition mismatch = assertRefused(ns, "churn-v2", "SIGNATURE_MISMATCH", "v2");
    assertThat(mismatch.message()).contains("SIGNATURE_MISMATCH:model.json");
  }
}
