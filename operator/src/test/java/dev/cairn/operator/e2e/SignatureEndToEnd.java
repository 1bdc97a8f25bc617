package dev.cairn.operator.e2e;

import dev.cairn.registry.testing.TestTokens;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What both signature end-to-end tests stand on (the version side, {@link SignedModelTest}, and the
 * activation side, {@link SignedActivationTest}): one operator and registry against a fabric8 CRUD
 * mock per class, and the registry's signature calls as its admin. The ModelVersions they sign are
 * {@link SignedVersions}'.
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
}
