package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.chart.testing.Chart;
import dev.cairn.chart.testing.Kustomize;
import dev.cairn.chart.testing.ManifestChecks;
import dev.cairn.chart.testing.MockCluster;
import dev.cairn.chart.testing.Rendered;
import dev.cairn.chart.testing.Repo;
import dev.cairn.chart.testing.WalkThrough;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes walk-through ({@code examples/k8s/}, applied with {@code kubectl apply -k}) and
 * the other example manifests are valid against the Kubernetes model and the CRDs, are applied with
 * the flag their folder suits, and are accepted by the API server ({@link WalkThroughImagesTest}:
 * their images and the chart's Service).
 */
class K8sExamplesTest {

  private static final Pattern APPLY = Pattern.compile("kubectl apply((?:\\s+-[fk]\\s+\\S+)+)");
  private static final Pattern TARGET = Pattern.compile("-([fk])\\s+(\\S+)");

  @Test
  void everyExampleManifestIsValid(@TempDir Path work) throws Exception {
    List<HasMetadata> objects = examples(work);

    assertThat(objects)
        .extracting(HasMetadata::getKind)
        .contains("Namespace", "Deployment", "Service", "Secret", "ConfigMap")
        .contains("ModelVersion", "ModelActivation");
    assertThat(objects)
        .as("examples/signed shows spec.signature, checked against the CRD like every example")
        .filteredOn(
            o -> o instanceof GenericKubernetesResource g && g.get("spec", "signature") != null)
        .isNotEmpty();
    for (HasMetadata object : objects) {
      assertThat(ManifestChecks.problems(object))
          .as(object.getKind() + "/" + object.getMetadata().getName())
          .isEmpty();
    }
  }

  /**
   * Each {@code kubectl apply} of the README takes what its target holds: {@code -f} a file, or a
   * folder of Kubernetes objects only (kubectl refuses the lot when one document is not one, a Helm
   * values file or a kustomization, say); {@code -k} a folder with a kustomization that builds.
   */
  @Test
  void everyFolderTheReadmeAppliesHoldsWhatItsFlagTakes(@TempDir Path work) throws Exception {
    Path generated = work.resolve("generated");
    WalkThrough.prepare(generated);
    List<String> applied = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Matcher apply = APPLY.matcher(Files.readString(Repo.resolve("README.md")));
    while (apply.find()) {
      Matcher target = TARGET.matcher(apply.group(1));
      while (target.find()) {
        String name = target.group(2).replaceAll("[`).,]+$", "");
        applied.add("-" + target.group(1) + " " + name);
        Path path =
            name.startsWith("examples/k8s/generated")
                ? generated.resolve(
                    name.substring("examples/k8s/generated".length()).replaceAll("^/", ""))
                : Repo.resolve(name);
        if (target.group(1).equals("k")) {
          // The walk-through's kustomization needs prepare.sh's generated/: built on a copy.
          List<HasMetadata> built =
              name.matches("examples/k8s/?")
                  ? WalkThrough.kustomized(work.resolve("kustomized"), null)
                  : Kustomize.build(path);
          assertThat(built).as(name).isNotEmpty();
        } else if (Files.isDirectory(path)) {
          problems.addAll(notObjects(path, name));
        } else {
          assertThat(path).as(name).isRegularFile();
        }
      }
    }

    assertThat(applied)
        .contains("-k examples/k8s/", "-f examples/k8s/generated/")
        .doesNotContain("-f examples/k8s/");
    assertThat(problems).as("documents kubectl apply -f cannot take").isEmpty();
  }

  @Test
  void theKustomizationListsEveryManifestOfItsFolder() throws IOException {
    List<String> manifests;
    try (Stream<Path> files = Files.list(Repo.resolve("examples/k8s"))) {
      manifests =
          files
              .map(f -> f.getFileName().toString())
              .filter(f -> f.matches(".*\\.ya?ml$") && !f.startsWith("kustomization."))
              .sorted()
              .toList();
    }
    JsonNode kustomization =
        new ObjectMapper(new YAMLFactory())
            .readTree(Repo.resolve("examples/k8s/kustomization.yaml").toFile());
    List<String> resources = new ArrayList<>();
    kustomization.path("resources").forEach(r -> resources.add(r.asText()));

    assertThat(resources).containsExactlyElementsOf(manifests);
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
  void theApiServerAcceptsTheWalkThrough(@TempDir Path work) throws Exception {
    MockCluster cluster = MockCluster.shared().withCairnCrds();

    for (HasMetadata object : examples(work)) {
      HasMetadata created = cluster.apply(object);
      assertThat(created.getMetadata().getUid()).isNotBlank();
    }
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
    for (HasMetadata object : chart.objects()) {
      assertThat(ManifestChecks.problems(object))
          .as("helm template of the walk-through values: " + object.getKind())
          .isEmpty();
    }
  }

  /**
   * What the walk-through applies (prepare.sh's output with {@code -f}, examples/k8s with {@code
   * -k}) and the other example manifests.
   */
  private static List<HasMetadata> examples(Path work) throws Exception {
    List<HasMetadata> objects = new ArrayList<>(WalkThrough.prepare(work.resolve("generated")));
    objects.addAll(WalkThrough.kustomized(work, null));
    for (Path folder :
        List.of(
            Repo.resolve("examples/single-variant"),
            Repo.resolve("examples/ink-three-mode"),
            Repo.resolve("examples/signed"))) {
      objects.addAll(WalkThrough.parsed(folder));
    }
    return objects;
  }

  /** Files of a folder {@code kubectl apply -f} would refuse, or that are not objects. */
  private static List<String> notObjects(Path folder, String name) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<String> problems = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file :
          files.filter(f -> f.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList()) {
        try (MappingIterator<JsonNode> documents =
            yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
          while (documents.hasNext()) {
            JsonNode document = documents.next();
            if (document == null || document.isNull() || document.isEmpty()) {
              continue;
            }
            String kind = document.path("kind").asText("");
            if (!document.hasNonNull("apiVersion")
                || kind.isEmpty()
                || kind.equals("Kustomization")
                || kind.equals("Component")) {
              problems.add(name + file.getFileName());
            }
          }
        }
      }
    }
    return problems;
  }
}
