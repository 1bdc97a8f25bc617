package dev.cairn.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.client.model.Policies;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.operator.CairnOperator;
import dev.cairn.operator.modelversion.ModelVersion;
import dev.cairn.operator.testing.Examples;
import dev.cairn.operator.testing.OperatorTesting;
import dev.cairn.registry.testing.SourceServer;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 4, must show 6: two operator replicas against one API server; only the leader acts. */
@EnableKubernetesMockClient(crud = true)
class LeaderElectionTest {

  static KubernetesMockServer server;
  static KubernetesClient client;

  @Test
  void onlyTheLeaseHolderReconcilesAndTheOtherTakesOverWhenItStops() {
    OperatorTesting.allowLeases(server);
    OperatorTesting.installCrds(client);
    // The sources are served on loopback, which references may reach only when opened.
    try (TestRegistry registry =
            TestRegistry.start(Map.of("CAIRN_REFERENCE_ALLOW_CIDRS", "127.0.0.0/8"));
        SourceServer sources = SourceServer.serving(Examples.folder().resolve("artifacts"));
        KubernetesClient clientA = server.createClient();
        KubernetesClient clientB = server.createClient()) {
      String ns = OperatorTesting.uniqueNamespace("lease");
      registry
          .client(TestTokens.ADMIN)
          .projects()
          .create(new ProjectCreate(ns, null, new Policies(false, 0, true)));
      CairnOperator a =
          CairnOperator.start(
              OperatorTesting.settings(registry.uri(), TestTokens.ADMIN, "replica-a"), clientA);
      CairnOperator b =
          CairnOperator.start(
              OperatorTesting.settings(registry.uri(), TestTokens.ADMIN, "replica-b"), clientB);
      try {
        List<ModelVersion> versions =
            Examples.modelVersions("single-variant/modelversions.yaml", ns, sources.base());
        client.resource(versions.get(0)).create();
        awaitVerified(ns, versions.get(0).getMetadata().getName());

        String holder = leaseHolder();
        CairnOperator leader = holder.equals("replica-a") ? a : b;
        CairnOperator follower = leader == a ? b : a;
        assertThat(leader.metrics().reconcileCount("ModelVersion")).isPositive();
        assertThat(follower.metrics().reconcileCount("ModelVersion")).isZero();

        leader.close();
        client.resource(versions.get(1)).create();
        awaitVerified(ns, versions.get(1).getMetadata().getName());
        assertThat(leaseHolder()).isNotEqualTo(holder);
        assertThat(follower.metrics().reconcileCount("ModelVersion")).isPositive();
      } finally {
        a.close();
        b.close();
      }
    }
  }

  private static String leaseHolder() {
    Lease lease = client.leases().inNamespace("cairn-system").withName("cairn-operator").get();
    return lease.getSpec().getHolderIdentity();
  }

  private static void awaitVerified(String ns, String name) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              ModelVersion mv =
                  client.resources(ModelVersion.class).inNamespace(ns).withName(name).get();
              return mv.getStatus() != null && "Verified".equals(mv.getStatus().phase());
            });
  }
}
