package dev.cairn.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.operator.CairnOperator;
import dev.cairn.operator.modelactivation.ModelActivation;
import dev.cairn.operator.modelactivation.ModelActivationSpec;
import dev.cairn.operator.modelversion.ModelVersion;
import dev.cairn.operator.testing.Examples;
import dev.cairn.operator.testing.OperatorTesting;
import dev.cairn.registry.testing.SourceServer;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One real registry (embedded PostgreSQL, loopback HTTP), the example artifacts served over
 * loopback HTTP, and one operator replica against a fabric8 mock API server in CRUD mode.
 */
final class OperatorFixture implements AutoCloseable {

  static final Duration PATIENCE = Duration.ofSeconds(45);

  final KubernetesClient kube;
  final TestRegistry registry;
  final SourceServer sources;
  final CairnClient admin;
  final CairnOperator operator;

  OperatorFixture(KubernetesMockServer server, KubernetesClient kube) {
    this.kube = kube;
    OperatorTesting.allowLeases(server);
    OperatorTesting.installCrds(kube);
    // The sources are served on loopback, which references may reach only when opened.
    this.registry = TestRegistry.start(Map.of("CAIRN_REFERENCE_ALLOW_CIDRS", "127.0.0.0/8"));
    this.sources = SourceServer.serving(Examples.folder().resolve("artifacts"));
    this.admin = registry.client(TestTokens.ADMIN);
    this.operator =
        CairnOperator.start(
            OperatorTesting.settings(registry.uri(), TestTokens.ADMIN, "operator-a"), kube);
  }

  /**
   * A fresh namespace whose registry project allows unlimited protected-alias writes (the default
   * of 3 a minute would make the tests wait for the rate window).
   */
  String namespace(String prefix) {
    String ns = OperatorTesting.uniqueNamespace(prefix);
    admin.projects().create(new ProjectCreate(ns, null, new Policies(false, 0, true)));
    return ns;
  }

  /** Applies the single-variant example's two ModelVersions and waits until both are Verified. */
  List<ModelVersion> publishChurn(String ns) {
    List<ModelVersion> versions =
        Examples.modelVersions("single-variant/modelversions.yaml", ns, sources.base());
    versions.forEach(mv -> kube.resource(mv).create());
    versions.forEach(mv -> awaitVersion(ns, mv.getMetadata().getName(), "Verified"));
    return versions;
  }

  ModelActivation activateChurn(String ns, String version) {
    ModelActivation ma = Examples.modelActivation("single-variant/modelactivation.yaml", ns);
    ma.setSpec(withVersion(ma.getSpec(), version));
    kube.resource(ma).create();
    return awaitActivation(ns, ma.getMetadata().getName(), a -> "Active".equals(phase(a)));
  }

  ModelActivation editActivation(String ns, String name, UnaryOperator<ModelActivationSpec> edit) {
    return kube.resources(ModelActivation.class)
        .inNamespace(ns)
        .withName(name)
        .edit(
            ma -> {
              ma.setSpec(edit.apply(ma.getSpec()));
              return ma;
            });
  }

  static ModelActivationSpec withVersion(ModelActivationSpec s, String version) {
    return new ModelActivationSpec(
        s.project(), s.model(), s.alias(), s.versions(), version, s.reason(), s.approvedBy());
  }

  ModelVersion version(String ns, String name) {
    return kube.resources(ModelVersion.class).inNamespace(ns).withName(name).get();
  }

  ModelActivation activation(String ns, String name) {
    return kube.resources(ModelActivation.class).inNamespace(ns).withName(name).get();
  }

  ModelVersion awaitVersion(String ns, String name, String phase) {
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              ModelVersion mv = version(ns, name);
              assertThat(mv.getStatus()).as(name + " status").isNotNull();
              assertThat(mv.getStatus().phase()).as(name + " phase").isEqualTo(phase);
            });
    return version(ns, name);
  }

  ModelActivation awaitActivation(String ns, String name, Predicate<ModelActivation> condition) {
    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              ModelActivation ma = activation(ns, name);
              return ma != null && condition.test(ma);
            });
    return activation(ns, name);
  }

  static String phase(ModelActivation ma) {
    return ma.getStatus() == null ? null : ma.getStatus().phase();
  }

  @Override
  public void close() {
    operator.close();
    sources.close();
    registry.close();
  }
}
