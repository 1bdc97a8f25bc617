package dev.cairn.operator.e2e;

import static dev.cairn.operator.e2e.OperatorFixture.phase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.client.model.Alias;
import dev.cairn.client.model.InstanceReport;
import dev.cairn.client.model.LoadedVersion;
import dev.cairn.operator.crd.Condition;
import dev.cairn.operator.crd.Conditions;
import dev.cairn.operator.modelactivation.ModelActivation;
import dev.cairn.operator.testing.Examples;
import dev.cairn.registry.testing.TestTokens;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, must show 2–4 and the release finalizer: one ModelActivation per alias, recovery from a
 * registry outage, serving counts from instance reports, and what deleting an activation leaves.
 */
@EnableKubernetesMockClient(crud = true)
class ActivationLifecycleTest {

  static KubernetesMockServer server;
  static KubernetesClient client;
  private static OperatorFixture fx;

  @BeforeAll
  static void start() {
    fx = new OperatorFixture(server, client);
  }

  @AfterAll
  static void stop() {
    if (fx != null) {
      fx.close();
    }
  }

  @Test
  void aSecondActivationForTheSameAliasIsAConflictAndTakesOverWhenTheFirstGoes() {
    String ns = fx.namespace("conflict");
    fx.publishChurn(ns);
    fx.activateChurn(ns, "v1");
    Alias before = fx.admin.aliases().get(ns, "churn", "production");

    ModelActivation second = Examples.modelActivation("single-variant/modelactivation.yaml", ns);
    second.getMetadata().setName("churn-production-again");
    second.setSpec(OperatorFixture.withVersion(second.getSpec(), "v2"));
    fx.kube.resource(second).create();
    ModelActivation conflict =
        fx.awaitActivation(ns, "churn-production-again", ma -> "Conflict".equals(phase(ma)));
    assertThat(
            Conditions.find(conflict.getStatus().conditions(), "Activated").orElseThrow().message())
        .contains("ModelActivation " + ns + "/churn-production");
    assertThat(fx.admin.aliases().get(ns, "churn", "production")).isEqualTo(before);

    // Deleting the owner releases managed_by (pointers kept) and lets the other one act.
    fx.kube.resource(fx.activation(ns, "churn-production")).delete();
    ModelActivation takenOver =
        fx.awaitActivation(ns, "churn-production-again", ma -> "Active".equals(phase(ma)));
    assertThat(takenOver.getStatus().active()).isEqualTo(Map.of("default", "v2"));
    assertThat(takenOver.getStatus().previous()).isEqualTo(Map.of("default", "v1"));
    assertThat(fx.admin.aliases().get(ns, "churn", "production").managedBy())
        .isEqualTo("ModelActivation " + ns + "/churn-production-again");
    assertThat(fx.activation(ns, "churn-production")).isNull();
  }

  @Test
  void deletingTheActivationReleasesTheAliasAndKeepsThePointers() {
    String ns = fx.namespace("release");
    fx.publishChurn(ns);
    fx.activateChurn(ns, "v2");
    fx.kube.resource(fx.activation(ns, "churn-production")).delete();
    await()
        .atMost(OperatorFixture.PATIENCE)
        .until(() -> fx.activation(ns, "churn-production") == null);
    Alias alias = fx.admin.aliases().get(ns, "churn", "production");
    assertThat(alias.managedBy()).isNull();
    assertThat(alias.pointers()).isEqualTo(Map.of("default", "v2"));
  }

  @Test
  void anActivationAppliedWhileTheRegistryIsDownActivatesOnceItIsBack() {
    String ns = fx.namespace("outage");
    fx.publishChurn(ns);
    long failuresBefore =
        fx.operator.metrics().failureCount("ModelActivation", "RegistryUnavailable");
    fx.registry.stopServer();
    try {
      ModelActivation ma = Examples.modelActivation("single-variant/modelactivation.yaml", ns);
      ma.setSpec(OperatorFixture.withVersion(ma.getSpec(), "v2"));
      fx.kube.resource(ma).create();
      ModelActivation waiting =
          fx.awaitActivation(ns, "churn-production", a -> "Activating".equals(phase(a)));
      Condition activated =
          Conditions.find(waiting.getStatus().conditions(), "Activated").orElseThrow();
      assertThat(activated.status()).isEqualTo("False");
      assertThat(activated.reason()).isEqualTo("RegistryUnavailable");
      assertThat(activated.message()).contains("unreachable");
      // Retried with backoff, phase unchanged.
      await()
          .atMost(OperatorFixture.PATIENCE)
          .until(
              () ->
                  fx.operator.metrics().failureCount("ModelActivation", "RegistryUnavailable")
                      >= failuresBefore + 3);
      assertThat(phase(fx.activation(ns, "churn-production"))).isEqualTo("Activating");
    } finally {
      fx.registry.startServer();
    }
    ModelActivation active =
        fx.awaitActivation(ns, "churn-production", a -> "Active".equals(phase(a)));
    assertThat(active.getStatus().active()).isEqualTo(Map.of("default", "v2"));
    assertThat(fx.admin.aliases().get(ns, "churn", "production").pointers())
        .isEqualTo(Map.of("default", "v2"));
  }

  @Test
  void instanceReportsShowUpAsServingStatus() {
    String ns = fx.namespace("serving");
    fx.publishChurn(ns);
    ModelActivation active = fx.activateChurn(ns, "v1");
    assertThat(Conditions.find(active.getStatus().conditions(), "Serving").orElseThrow().reason())
        .isEqualTo("NoInstances");
    long generation = active.getStatus().aliasGeneration();

    report(ns, "sidecar-a", generation, "v1");
    report(ns, "sidecar-b", generation, "v1");
    ModelActivation serving =
        fx.awaitActivation(
            ns,
            "churn-production",
            ma -> Conditions.isTrue(ma.getStatus().conditions(), "Serving"));
    assertThat(serving.getStatus().serving().instances()).isEqualTo(2);
    assertThat(serving.getStatus().serving().onTarget()).isEqualTo(2);
    assertThat(Conditions.find(serving.getStatus().conditions(), "Serving").orElseThrow().reason())
        .isEqualTo("AllInstancesOnTarget");

    // A third replica still loading: it counts, but not on target.
    fx.registry
        .client(TestTokens.SIDECAR)
        .instances()
        .report(
            ns,
            "sidecar-c",
            new InstanceReport(
                "churn", "production", null, Map.of(), "LOADING", null, "sidecar-c", "node-1", 60));
    ModelActivation converging =
        fx.awaitActivation(
            ns,
            "churn-production",
            ma -> ma.getStatus().serving() != null && ma.getStatus().serving().instances() == 3);
    assertThat(converging.getStatus().serving().onTarget()).isEqualTo(2);
    Condition condition =
        Conditions.find(converging.getStatus().conditions(), "Serving").orElseThrow();
    assertThat(condition.status()).isEqualTo("False");
    assertThat(condition.reason()).isEqualTo("InstancesConverging");
  }

  /** A report as the chart's sidecars send it: with the {@code sidecar}-role token. */
  private static void report(String ns, String id, long generation, String version) {
    fx.registry
        .client(TestTokens.SIDECAR)
        .instances()
        .report(
            ns,
            id,
            new InstanceReport(
                "churn",
                "production",
                generation,
                Map.of("default", new LoadedVersion(version, null, Instant.now())),
                "READY",
                null,
                id,
                "node-1",
                60));
  }
}
