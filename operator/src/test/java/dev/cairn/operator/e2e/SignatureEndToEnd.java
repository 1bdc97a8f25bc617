package dev.cairn.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cairn.client.CairnApiException;
import dev.cairn.operator.crd.Condition;
import dev.cairn.operator.crd.Conditions;
import dev.cairn.operator.modelversion.ModelVersion;
import dev.cairn.registry.testing.TestTokens;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What both signature end-to-end tests stand on (the version side, {@link SignedModelTest} and
 * {@link SignatureSourcesTest}, and the activation side, {@link SignedActivationTest}): one
 * operator and registry against a fabric8 CRUD mock per class, and the registry's signature calls
 * as its admin. The ModelVersions they sign are {@link SignedVersions}'.
 */
@EnableKubernetesMockClient(crud = true)
abstract class SignatureEndToEnd {

  static KubernetesMockServer server;
  static KubernetesClient client;
  static OperatorFixture fx;
  static RegistrySignatureCalls calls;

  @BeforeAll
  static void start() {
    fx = new OperatorFixture(server, client);
    calls = new RegistrySignatureCalls(fx.registry.uri(), TestTokens.ADMIN);
  }

  @AfterAll
  static void stop() {
    if (fx != null) {
      fx.close();
    }
  }

  /**
   * Waits for one read showing Failed with {@code Signed} and {@code Ready} False for {@code code}
   * (an untrusted signature is retried, so the phase comes and goes), then checks that the registry
   * has no such version.
   */
  static Condition assertRefused(String ns, String name, String code, String version) {
    AtomicReference<Condition> signed = new AtomicReference<>();
    await()
        .atMost(OperatorFixture.PATIENCE)
        .untilAsserted(
            () -> {
              ModelVersion mv = fx.version(ns, name);
              assertThat(mv.getStatus()).isNotNull();
              assertThat(mv.getStatus().phase()).isEqualTo("Failed");
              Condition s = Conditions.find(mv.getStatus().conditions(), "Signed").orElseThrow();
              assertThat(s.status()).isEqualTo("False");
              assertThat(s.reason()).isEqualTo(code);
              assertThat(
                      Conditions.find(mv.getStatus().conditions(), "Ready").orElseThrow().reason())
                  .isEqualTo(code);
              signed.set(s);
            });
    assertThatThrownBy(() -> fx.admin.versions().get(ns, "churn", version))
        .as("nothing registered")
        .isInstanceOfSatisfying(
            CairnApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    return signed.get();
  }
}
