package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
import java.util.stream.Stream;
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

  /**
   * The README applies whole folders ({@code kubectl apply -f examples/k8s/}): kubectl refuses the
   * lot when one document there is not a Kubernetes object (a Helm values file, say).
   */
  @Test
  void everyDocumentInAFolderTheReadmeAppliesIsAKubernetesObject() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<String> notObjects = new ArrayList<>();
    for (Path folder : APPLIED_FOLDERS) {
      try (Stream<Path> files = Files.list(Repo.resolve(folder.toString()))) {
        for (Path file :
            files.filter(f -> f.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList()) {
          try (MappingIterator<JsonNode> documents =
              yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (documents.hasNext()) {
              JsonNode document = documents.next();
              if (document == null || document.isNull() || document.isEmpty()) {
                continue;
              }
              if (!document.hasNonNull("apiVersion") || !document.hasNonNull("kind")) {
                notObjects.add(folder.resolve(file.getFileName()).toString());
              }
            }
          }
        }
      }
    }

    assertThat(notObjects).as("files without apiVersion and kind in " + APPLIED_FOLDERS).isEmpty();
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
              assertThat(env.getValue()).isEqualTo("http://cairn-registry.cairn-system.svc:8080");
            });
    assertThat(chartNotes).contains("name: cairn-registry");
    assertThat(inference.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("cairn.dev/sidecar", "true");
    assertThat(inference.getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void theWalkThroughValuesRenderADevelopmentInstallWithTheExamplesSecrets() {
    Rendered chart =
        Chart.withValues(Repo.resolve("examples/helm/k8s-walkthrough-values.yaml")).render();

    assertThat(chart.deployment("registry").getSpec().getReplicas()).isEqualTo(1);
    assertThat(chart.secret("cairn-admin-token")).as("a human admin token").isPresent();
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

  /** The folders the README tells users to {@code kubectl apply -f}. */
  private static final List<Path> APPLIED_FOLDERS =
      List.of(
          Path.of("examples/k8s"),
          Path.of("examples/single-variant"),
          Path.of("examples/ink-three-mode"));

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
