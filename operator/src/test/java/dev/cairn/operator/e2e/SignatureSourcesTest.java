package dev.cairn.operator.e2e;

import static dev.cairn.operator.e2e.SignedVersions.files;
import static dev.cairn.operator.e2e.SignedVersions.withSignature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cairn.client.CairnApiException;
import dev.cairn.operator.crd.Condition;
import dev.cairn.operator.crd.Conditions;
import dev.cairn.operator.modelversion.FileSource;
import dev.cairn.operator.modelversion.ModelVersion;
import dev.cairn.operator.modelversion.ResourceKeyRef;
import dev.cairn.operator.modelversion.SignatureSource;
import dev.cairn.operator.testing.Examples;
import dev.cairn.registry.testing.SourceServer;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Issue 28 item 5, where {@code ModelVersion.spec.signature} is read from: the shipped example's
 * ConfigMap, a file beside the artifact, and what is refused — two places at once, a missing
 * ConfigMap, a Secret or URI holding no bundle (without showing what it holds, review 12 items 5
 * and 6), an s3:// URI without the resource's credentials.
 */
class SignatureSourcesTest extends SignatureEndToEnd {

  /** {@code examples/signed/modelversion.yaml} as it stands, its ConfigMap made as it says. */
  @Test
  void theSignedExampleIsVerifiedFromTheConfigMapItNames() {
    String ns = fx.namespace("example");
    KeyPair ci = RegistrySignatureCalls.key();
    calls.trustKeys(ns, Map.of("ci", ci));
    ModelVersion mv =
        Examples.modelVersions("signed/modelversion.yaml", ns, fx.sources.base()).getFirst();
    ResourceKeyRef ref = mv.getSpec().signature().configMapRef();
    assertThat(ref).as("the example reads its bundle from a ConfigMap").isNotNull();
    byte[] bundle = RegistrySignatureCalls.sign(ci, "churn", files(mv));
    fx.kube
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(ref.name())
                .withNamespace(ns)
                .endMetadata()
                .addToData(ref.key(), new String(bundle, StandardCharsets.UTF_8))
                .build())
        .create();
    fx.kube.resource(mv).create();

    ModelVersion verified = fx.awaitVersion(ns, mv.getMetadata().getName(), "Verified");
    Condition signed = Conditions.find(verified.getStatus().conditions(), "Signed").orElseThrow();
    assertThat(signed.status()).isEqualTo("True");
    assertThat(signed.message()).contains("trusted as ci");
    assertThat(calls.stored(ns, "churn", mv.getSpec().version())).isEqualTo(bundle);
  }

  @Test
  void aSignatureNamingTwoPlacesOrAMissingConfigMapIsReportedAndRegistersNothing() {
    String ns = fx.namespace("badsource");
    ModelVersion two = SignedVersions.churn(fx, ns, 0);
    two.setSpec(
        withSignature(
            two.getSpec(),
            new SignatureSource("{}", null, null, fx.sources.base() + "churn/v1/model.sig")));
    fx.kube.resource(two).create();
    ModelVersion invalid = fx.awaitVersion(ns, "churn-v1", "Failed");
    Condition signed = Conditions.find(invalid.getStatus().conditions(), "Signed").orElseThrow();
    assertThat(signed.reason()).isEqualTo("InvalidSpec");
    assertThat(signed.message()).contains("[inline, uri]");

    ModelVersion missing = SignedVersions.churn(fx, ns, 1);
    missing.setSpec(
        withSignature(
            missing.getSpec(),
            new SignatureSource(null, new ResourceKeyRef("no-such-map", "model.sig"), null, null)));
    fx.kube.resource(missing).create();
    // Retried with backoff (a ConfigMap may come later), so the phase comes and goes: one read.
    AtomicReference<Condition> ready = new AtomicReference<>();
    await()
        .atMost(OperatorFixture.PATIENCE)
        .untilAsserted(
            () -> {
              ModelVersion mv = fx.version(ns, "churn-v2");
              assertThat(mv.getStatus()).isNotNull();
              assertThat(mv.getStatus().phase()).isEqualTo("Failed");
              Condition c = Conditions.find(mv.getStatus().conditions(), "Ready").orElseThrow();
              assertThat(c.reason()).isEqualTo("SourceUnavailable");
              ready.set(c);
            });
    assertThat(ready.get().message()).contains("signature ConfigMap 'no-such-map' does not exist");
    assertThatThrownBy(() -> fx.admin.versions().get(ns, "churn", "v2"))
        .isInstanceOfSatisfying(
            CairnApiException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void aSignatureBesideTheArtifactIsFetchedLikeTheArtifact() throws IOException {
    String ns = fx.namespace("beside");
    KeyPair ci = RegistrySignatureCalls.key();
    calls.trustKeys(ns, Map.of("ci", ci));
    ModelVersion mv = SignedVersions.churn(fx, ns, 0);
    Path folder = Path.of("target", "signed-sources", ns, "churn", "v1");
    Files.createDirectories(folder);
    Files.copy(
        Examples.folder().resolve("artifacts/churn/v1/model.json"), folder.resolve("model.json"));
    Files.write(folder.resolve("model.sig"), RegistrySignatureCalls.sign(ci, "churn", files(mv)));
    try (SourceServer beside = SourceServer.serving(Path.of("target", "signed-sources", ns))) {
      String base = beside.base().toString();
      FileSource file = mv.getSpec().files().getFirst();
      mv.setSpec(
          withSignature(
              Examples.withFiles(
                  mv.getSpec(),
                  List.of(
                      new FileSource(file.path(), base + "churn/v1/model.json", file.sha256()))),
              new SignatureSource(null, null, null, base + "churn/v1/model.sig")));
      fx.kube.resource(mv).create();
      ModelVersion verified = fx.awaitVersion(ns, "churn-v1", "Verified");
      assertThat(Conditions.isTrue(verified.getStatus().conditions(), "Signed")).isTrue();
      assertThat(calls.stored(ns, "churn", "v1")).isNotNull();
    }
  }

  /**
   * Review 12 items 5 and 6: the operator reads a Secret and a URI with its own rights, so a
   * resource naming a Secret that holds no bundle (a password) or a URI that answers plain text (an
   * internal endpoint) gets {@code SIGNATURE_INVALID} and a fixed sentence: no byte of what was
   * read reaches the status or the Events the author can read.
   */
  @Test
  void aSecretOrAUriHoldingNoBundleIsRefusedWithoutShowingWhatItHolds() throws IOException {
    String ns = fx.namespace("hidden");
    calls.trustKeys(ns, Map.of("ci", RegistrySignatureCalls.key()));
    String password = "hunter2_DB_PASSWORD_7f3a9c";
    String internal = "internal_admin_TOKEN_5d1e0b";
    fx.kube
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("db-credentials")
                .withNamespace(ns)
                .endMetadata()
                .addToData(
                    "password",
                    Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)))
                .build())
        .create();
    ModelVersion fromSecret = SignedVersions.churn(fx, ns, 0);
    fromSecret.setSpec(
        withSignature(
            fromSecret.getSpec(),
            new SignatureSource(
                null, null, new ResourceKeyRef("db-credentials", "password"), null)));
    fx.kube.resource(fromSecret).create();
    Path served = Files.createDirectories(Path.of("target", "hidden-sources", ns));
    Files.writeString(served.resolve("admin"), internal + "\n");
    try (SourceServer endpoint = SourceServer.serving(served)) {
      ModelVersion fromUri = SignedVersions.churn(fx, ns, 1);
      fromUri.setSpec(
          withSignature(
              fromUri.getSpec(), new SignatureSource(null, null, null, endpoint.base() + "admin")));
      fx.kube.resource(fromUri).create();

      Condition secret = assertRefused(ns, "churn-v1", "SIGNATURE_INVALID", "v1");
      Condition uri = assertRefused(ns, "churn-v2", "SIGNATURE_INVALID", "v2");

      assertThat(secret.message())
          .startsWith("SIGNATURE_INVALID: the signature bundle from Secret 'db-credentials'");
      assertThat(uri.message())
          .startsWith("SIGNATURE_INVALID: the signature bundle from spec.signature.uri");
      for (String name : List.of("churn-v1", "churn-v2")) {
        String status = new KubernetesSerialization().asJson(fx.version(ns, name).getStatus());
        assertThat(status).as(name).doesNotContain("hunter2").doesNotContain("internal_admin");
      }
      assertThat(fx.kube.v1().events().inNamespace(ns).list().getItems())
          .extracting(e -> String.valueOf(e.getMessage()))
          .isNotEmpty()
          .noneMatch(m -> m.contains("hunter2") || m.contains("internal_admin"));
    }
  }

  /** Review 12 item 6: an s3:// signature is read only with the resource's own credentials. */
  @Test
  void anS3SignatureWithoutCredentialsSecretIsAnInvalidSpec() {
    String ns = fx.namespace("s3sig");
    ModelVersion mv = SignedVersions.churn(fx, ns, 0);
    mv.setSpec(
        withSignature(
            mv.getSpec(), new SignatureSource(null, null, null, "s3://models/churn/model.sig")));
    fx.kube.resource(mv).create();

    ModelVersion failed = fx.awaitVersion(ns, "churn-v1", "Failed");
    Condition signed = Conditions.find(failed.getStatus().conditions(), "Signed").orElseThrow();
    assertThat(signed.reason()).isEqualTo("InvalidSpec");
    assertThat(signed.message()).contains("needs spec.credentialsSecret");
    assertThatThrownBy(() -> fx.admin.versions().get(ns, "churn", "v1"))
        .isInstanceOfSatisfying(
            CairnApiException.class, e -> assertThat(e.status()).isEqualTo(404));
  }
}
