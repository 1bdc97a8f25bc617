package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.chart.testing.Chart;
import dev.cairn.chart.testing.ManifestChecks;
import dev.cairn.chart.testing.MockCluster;
import dev.cairn.chart.testing.Rendered;
import dev.cairn.chart.testing.Repo;
import dev.cairn.chart.testing.WalkThrough;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes walk-through ({@code examples/k8s/}) and the other example manifests are valid
 * against the Kubernetes model and the CRDs, reference the chart's names, and are accepted by the
 * API server.
 */
class K8sExamplesTest {

  @Test
  void everyExampleManifestIsValid(@TempDir Path generated) throws Exception {
    List<HasMetadata> objects = examples(generated);

    assertThat(objects)
        .extracting(HasMetadata::getKind)
        .contains("Namespace", "Deployment", "Service", "Secret", "ConfigMap")
        .contains("ModelVersion", "ModelActivation");
    for (HasMetadata object : objects) {
      assertThat(ManifestChecks.problems(object))
          .as(object.getKind() + "/" + object.getMetadata().getName())
          .isEmpty();
    }
  }

  @Test
  void aTypoInAnExampleIsFound() {
    HasMetadata typo =
        Rendered.parse(
                """
                apiVersion: cairn.dev/v1alpha1
                kind: ModelActivation
                metadata: {name: x, namespace: y}
                spec: {model: m, alias: production, versoins: {default: v1}}
                """)
            .objects()
            .getFirst();
    HasMetadata deploymentTypo =
        Rendered.parse(
                """
                apiVersion: v1
                kind: Service
                metadata: {name: x}
                spec: {selectr: {app: x}, ports: [{port: 80}]}
                """)
            .objects()
            .getFirst();

    assertThat(ManifestChecks.problems(typo)).anyMatch(p -> p.contains("versoins"));
    assertThat(ManifestChecks.problems(deploymentTypo)).anyMatch(p -> p.contains("selectr"));
  }

  @Test
  void theSidecarUsesTheChartsServiceAndTheProjectsImage() throws IOException {
    Deployment inference =
        Rendered.parse(Files.readString(Repo.resolve("examples/k8s/40-inference.yaml")))
            .get(Deployment.class, "ink-inspection");
    Container sidecar =
        WalkThrough.container(inference.getSpec().getTemplate().getSpec(), "cairn-sidecar");
    String chartNotes = Chart.defaults().template();

    assertThat(sidecar.getImage())
        .isEqualTo("ghcr.io/cairn-dev/cairn-sidecar:" + Repo.projectVersion());
    assertThat(sidecar.getEnv())
        .anySatisfy(
            env -> {
              assertThat(env.getName()).isEqualTo("CAIRN_REGISTRY_URL");
              assertThat(env.getValue())
                  .isEqualTo("http://cairn-cairn-registry.cairn-system.svc:8080");
            });
    assertThat(chartNotes).contains("name: cairn-cairn-registry");
    assertThat(inference.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("cairn.dev/sidecar", "true");
    assertThat(inference.getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void theWalkThroughValuesRenderADevelopmentInstallWithTheExamplesSecrets() {
    Rendered chart = Chart.withValues(Repo.resolve("examples/k8s/cairn-values.yaml")).render();

    assertThat(chart.deployment("registry").getSpec().getReplicas()).isEqualTo(1);
    assertThat(chart.secret("cairn-cairn-admin-token")).isEmpty();
    assertThat(chart.deployment("operator").getSpec().getTemplate().getSpec().getVolumes())
        .filteredOn(v -> v.getSecret() != null)
        .extracting(v -> v.getSecret().getSecretName())
        .containsExactly("cairn-operator-token");
  }

  @Test
  void theApiServerAcceptsTheWalkThrough(@TempDir Path generated) throws Exception {
    MockCluster cluster = MockCluster.shared().withCairnCrds();

    for (HasMetadata object : examples(generated)) {
      HasMetadata created = cluster.apply(object);
      assertThat(created.getMetadata().getUid()).isNotBlank();
    }
  }

  /** examples/k8s (with what prepare.sh generates) and the other example manifests. */
  private static List<HasMetadata> examples(Path generated) throws Exception {
    List<HasMetadata> objects = new ArrayList<>(WalkThrough.prepare(generated));
    for (Path folder :
        List.of(
            Repo.resolve("examples/k8s"),
            Repo.resolve("examples/single-variant"),
            Repo.resolve("examples/ink-three-mode"))) {
      objects.addAll(WalkThrough.parsed(folder));
    }
    return objects;
  }
}
