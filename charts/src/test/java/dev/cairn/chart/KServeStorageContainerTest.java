package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.chart.testing.Chart;
import dev.cairn.chart.testing.ManifestChecks;
import dev.cairn.chart.testing.Rendered;
import dev.cairn.chart.testing.Repo;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The optional KServe ClusterStorageContainer (issue 29 item 3) and the example InferenceService
 * are valid against KServe's own CRD schemas, and the container is wired to this release's
 * registry; the values that shape it reach it.
 */
class KServeStorageContainerTest {

  @Test
  void isOffByDefault() {
    assertThat(Chart.defaults().render().objects())
        .extracting(HasMetadata::getKind)
        .doesNotContain("ClusterStorageContainer");
  }

  @Test
  void refusesAMisspeltValue() {
    assertThatThrownBy(
            () -> Chart.defaults().set("kserve.storageContainer.enable", true).template())
        .hasMessageContaining("enable");
  }

  @Test
  void claimsTheCairnPrefixForTheStorageInitializerOfThisRelease() {
    Rendered chart = Chart.defaults().set("kserve.storageContainer.enabled", true).render();
    GenericKubernetesResource csc = storageContainer(chart);
    Map<String, Object> spec = spec(csc);
    Map<String, Object> container = map(spec.get("container"));

    assertThat(csc.getApiVersion()).isEqualTo("serving.kserve.io/v1alpha1");
    assertThat(csc.getMetadata().getNamespace()).isNull();
    assertThat(csc.getMetadata().getName()).endsWith("-storage-initializer");
    assertThat(container)
        .containsEntry("name", "storage-initializer")
        .containsEntry(
            "image", "ghcr.io/cairn-dev/cairn-storage-initializer:" + Repo.projectVersion());
    assertThat(spec)
        .containsEntry("supportedUriFormats", List.of(Map.of("prefix", "cairn://")))
        .containsEntry("supportsMultiModelDownload", true)
        .containsEntry("workloadType", "initContainer");
    assertThat(env(container))
        .containsExactly(Map.of("name", "CAIRN_REGISTRY_URL", "value", registryUrl(chart)));
    assertThat(ManifestChecks.problems(csc)).isEmpty();
  }

  @Test
  void givesTheTokenSecretAndTakesItsNameAndResources() {
    Rendered chart =
        Chart.defaults()
            .set("kserve.storageContainer.enabled", true)
            .set("kserve.storageContainer.name", "cairn")
            .set("kserve.storageContainer.tokenSecret.name", "cairn-reader-token")
            .set("kserve.storageContainer.tokenSecret.key", "reader")
            .set("kserve.storageContainer.resources.limits.memory", "512Mi")
            .render();
    GenericKubernetesResource csc = storageContainer(chart);
    Map<String, Object> container = map(spec(csc).get("container"));

    assertThat(csc.getMetadata().getName()).isEqualTo("cairn");
    assertThat(env(container))
        .contains(
            Map.of(
                "name",
                "CAIRN_REGISTRY_TOKEN",
                "valueFrom",
                Map.of("secretKeyRef", Map.of("name", "cairn-reader-token", "key", "reader"))));
    assertThat(map(map(container.get("resources")).get("limits"))).containsEntry("memory", "512Mi");
    assertThat(ManifestChecks.problems(csc)).isEmpty();
  }

  /** Issue 28: the initializer verifies signatures when the chart says so, and only then. */
  @Test
  void requireSignatureReachesTheInitializerAsItsVariable() {
    Map<String, Object> container =
        map(
            spec(storageContainer(
                    Chart.defaults()
                        .set("kserve.storageContainer.enabled", true)
                        .set("kserve.storageContainer.requireSignature", true)
                        .render()))
                .get("container"));

    assertThat(env(container)).contains(Map.of("name", "CAIRN_REQUIRE_SIGNATURE", "value", "true"));
    assertThat(
            ManifestChecks.problems(
                storageContainer(
                    Chart.defaults().set("kserve.storageContainer.enabled", true).render())))
        .isEmpty();
    assertThatThrownBy(
            () ->
                Chart.defaults().set("kserve.storageContainer.requireSignature", "yes").template())
        .hasMessageContaining("requireSignature");
  }

  @Test
  void theSidecarsRequireSignatureIsWhatNotesTellsInferencePods() {
    assertThat(Chart.defaults().set("sidecar.requireSignature", true).notes())
        .contains("CAIRN_REQUIRE_SIGNATURE=true");
    assertThat(Chart.defaults().notes()).doesNotContain("CAIRN_REQUIRE_SIGNATURE");
  }

  @Test
  void theExampleInferenceServiceIsValidAndUsesTheCairnPrefix() throws Exception {
    Rendered example =
        Rendered.parse(Files.readString(Repo.resolve("examples/kserve/inference-service.yaml")));
    HasMetadata isvc = example.objects().getFirst();
    Map<String, Object> model =
        map(map(spec((GenericKubernetesResource) isvc).get("predictor")).get("model"));

    assertThat(isvc.getKind()).isEqualTo("InferenceService");
    assertThat(model).containsEntry("storageUri", "cairn://ink/sku001-ink-a@production");
    assertThat(ManifestChecks.problems(isvc)).isEmpty();
  }

  @Test
  void theKServeSchemasFindATypo() {
    HasMetadata csc =
        Rendered.parse(
                """
                apiVersion: serving.kserve.io/v1alpha1
                kind: ClusterStorageContainer
                metadata: {name: x}
                spec:
                  container: {name: storage-initializer, image: i}
                  supportedUriFormat: [{prefix: "cairn://"}]
                """)
            .objects()
            .getFirst();
    HasMetadata isvc =
        Rendered.parse(
                """
                apiVersion: serving.kserve.io/v1beta1
                kind: InferenceService
                metadata: {name: x}
                spec: {predictor: {model: {modelFormat: {name: onnx}, storageUrl: "cairn://a/b@c"}}}
                """)
            .objects()
            .getFirst();

    assertThat(ManifestChecks.problems(csc))
        .anyMatch(p -> p.contains("supportedUriFormat"))
        .anyMatch(p -> p.contains("supportedUriFormats"));
    assertThat(ManifestChecks.problems(isvc)).anyMatch(p -> p.contains("storageUrl"));
  }

  private static GenericKubernetesResource storageContainer(Rendered chart) {
    List<GenericKubernetesResource> found =
        chart.all(GenericKubernetesResource.class).stream()
            .filter(o -> o.getKind().equals("ClusterStorageContainer"))
            .toList();
    assertThat(found).hasSize(1);
    return found.getFirst();
  }

  /** The URL of the registry Service the chart renders, as the sidecar examples use it. */
  private static String registryUrl(Rendered chart) {
    Service service =
        chart.all(Service.class).stream()
            .filter(
                s ->
                    "registry"
                        .equals(s.getMetadata().getLabels().get("app.kubernetes.io/component")))
            .findFirst()
            .orElseThrow();
    return "http://"
        + service.getMetadata().getName()
        + "."
        + Chart.NAMESPACE
        + ".svc:"
        + service.getSpec().getPorts().getFirst().getPort();
  }

  private static Map<String, Object> spec(GenericKubernetesResource resource) {
    return map(resource.getAdditionalProperties().get("spec"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> env(Map<String, Object> container) {
    return (List<Map<String, Object>>) container.get("env");
  }
}
