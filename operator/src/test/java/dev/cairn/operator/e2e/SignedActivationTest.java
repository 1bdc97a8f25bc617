package dev.cairn.operator.e2e;

import static dev.cairn.operator.e2e.OperatorFixture.phase;
import static dev.cairn.operator.e2e.SignedVersions.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cairn.client.CairnApiException;
import dev.cairn.operator.crd.Condition;
import dev.cairn.operator.crd.Conditions;
import dev.cairn.operator.modelactivation.ModelActivation;
import dev.cairn.operator.modelversion.ModelVersion;
import dev.cairn.operator.testing.Examples;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 28 item 5, the activation side: a {@code ModelActivation} refused by the project's {@code
 * require_signature} reports the registry's code without hot-looping, goes through once the version
 * is signed with no spec change, and is refused again when trust in the signer is withdrawn. How a
 * {@code ModelVersion}'s own {@code spec.signature} is verified and attached is {@link
 * SignedModelTest}'s.
 */
class SignedActivationTest extends SignatureEndToEnd {

  @Test
  void anActivationRefusedForAnUnsignedVersionReportsTheCodeAndRecoversOnceSigned() {
    String ns = fx.namespace("required");
    fx.publishChurn(ns);
    KeyPair ci = RegistrySignatureCalls.key();
    calls.trustKeys(ns, Map.of("ci", ci));
    calls.requireSignature(ns);

    ModelActivation ma = Examples.modelActivation("single-variant/modelactivation.yaml", ns);
    fx.kube.resource(ma).create();
    ModelActivation refused =
        fx.awaitActivation(ns, "churn-production", a -> "Failed".equals(phase(a)));
    Condition ready = Conditions.find(refused.getStatus().conditions(), "Ready").orElseThrow();
    assertThat(ready.status()).isEqualTo("False");
    assertThat(ready.reason()).isEqualTo("SIGNATURE_REQUIRED");
    assertThat(ready.message()).contains("v1");
    assertThatThrownBy(() -> fx.admin.aliases().get(ns, "churn", "production"))
        .isInstanceOfSatisfying(
            CairnApiException.class, e -> assertThat(e.status()).isEqualTo(404));

    // Retried with the growing backoff (0.5 s doubling), not in a tight loop.
    long before = fx.operator.metrics().failureCount("ModelActivation", "SIGNATURE_REQUIRED");
    await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(6))
        .until(
            () ->
                fx.operator.metrics().failureCount("ModelActivation", "SIGNATURE_REQUIRED") - before
                    <= 6);

    // Signing v1 with the trusted key lets the next attempt through, with no spec change.
    byte[] bundle =
        RegistrySignatureCalls.sign(ci, "churn", files(SignedVersions.churn(fx, ns, 0)));
    assertThat(calls.attach(ns, "churn", "v1", bundle)).isEqualTo(201);
    ModelActivation active =
        fx.awaitActivation(ns, "churn-production", a -> "Active".equals(phase(a)));
    assertThat(Conditions.isTrue(active.getStatus().conditions(), "Ready")).isTrue();
    assertThat(fx.admin.aliases().get(ns, "churn", "production").pointers())
        .isEqualTo(Map.of("default", "v1"));

    // v2 signed by ci, then ci dropped from the policy: moving the alias to v2 is untrusted.
    ModelVersion v2 = SignedVersions.churn(fx, ns, 1);
    assertThat(calls.attach(ns, "churn", "v2", RegistrySignatureCalls.sign(ci, "churn", files(v2))))
        .isEqualTo(201);
    calls.trustKeys(ns, Map.of("other", RegistrySignatureCalls.key()));
    // The operator patches the status meanwhile: an edit of a stale copy is tried again.
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                fx.editActivation(
                    ns, "churn-production", s -> OperatorFixture.withVersion(s, "v2")));
    ModelActivation untrusted =
        fx.awaitActivation(
            ns,
            "churn-production",
            a ->
                Conditions.find(a.getStatus().conditions(), "Ready")
                    .map(c -> "SIGNATURE_UNTRUSTED".equals(c.reason()))
                    .orElse(false));
    assertThat(phase(untrusted)).isEqualTo("Failed");
    assertThat(Conditions.find(untrusted.getStatus().conditions(), "Ready").orElseThrow().message())
        .contains("v2");
    assertThat(fx.admin.aliases().get(ns, "churn", "production").pointers())
        .as("nothing changed")
        .isEqualTo(Map.of("default", "v1"));
  }
}
