package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.chart.testing.Chart;
import dev.cairn.chart.testing.Kustomize;
import dev.cairn.chart.testing.Repo;
import dev.cairn.chart.testing.WalkThrough;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk-through's sidecar ({@code kubectl apply -k examples/k8s/}) runs the project's image at
 * the chart's registry Service, and one registry setting moves every Cairn image a user runs (issue
 * 26 item 2).
 */
class WalkThroughImagesTest {

  @Test
  void theSidecarUsesTheChartsServiceAndTheProjectsImage(@TempDir Path work) throws Exception {
    Deployment inference = inference(WalkThrough.kustomized(work, null));
    Container sidecar =
        WalkThrough.container(inference.getSpec().getTemplate().getSpec(), "cairn-sidecar");
    Service registry = Chart.defaults().render().get(Service.class, Chart.FULLNAME + "-registry");

    assertThat(sidecar.getImage())
        .isEqualTo("ghcr.io/cairn-dev/cairn-sidecar:" + Repo.projectVersion());
    assertThat(sidecar.getEnv())
        .anySatisfy(
            env -> {
              assertThat(env.getName()).isEqualTo("CAIRN_REGISTRY_URL");
              assertThat(env.getValue())
                  .isEqualTo(
                      "http://"
                          + registry.getMetadata().getName()
                          + "."
                          + Chart.NAMESPACE
                          + ".svc:"
                          + registry.getSpec().getPorts().getFirst().getPort());
            });
    assertThat(inference.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("cairn.dev/sidecar", "true");
    assertThat(inference.getSpec().getReplicas()).isEqualTo(2);
  }

  /**
   * Issue 26 item 2: the registry a user pushes to moves every Cairn image the walk-through runs —
   * the chart's (registry and operator; helm-java's template leaves out the helm test Pod, which
   * takes the registry image from the same helper), the sidecar {@code kubectl apply -k} runs, and
   * the one NOTES tells users to run.
   */
  @Test
  void oneRegistrySettingMovesEveryCairnImage(@TempDir Path work) throws Exception {
    String registry = "registry.example.com:5000/team";
    Chart chart =
        Chart.withValues(Repo.resolve("examples/helm/k8s-walkthrough-values.yaml"))
            .set("image.registry", registry);
    List<String> chartImages = new ArrayList<>();
    for (HasMetadata object : chart.render().objects()) {
      chartImages.addAll(images(object));
    }
    List<String> walkThroughImages = new ArrayList<>();
    for (HasMetadata object : WalkThrough.kustomized(work, registry)) {
      walkThroughImages.addAll(images(object));
    }
    Matcher noted = Pattern.compile("sidecar image (\\S+)").matcher(chart.notes());
    assertThat(noted.find()).as("NOTES name the sidecar image").isTrue();

    String version = Repo.projectVersion();
    assertThat(chartImages)
        .containsOnly(
            registry + "/cairn-registry:" + version, registry + "/cairn-operator:" + version);
    assertThat(walkThroughImages.stream().filter(i -> i.contains("cairn")))
        .containsExactly(registry + "/cairn-sidecar:" + version);
    assertThat(noted.group(1)).isEqualTo(registry + "/cairn-sidecar:" + version);
  }

  @Test
  void theTestsKustomizeRewritesImagesAsKustomizeDoes() {
    List<Map<String, String>> entries =
        List.of(
            Map.of(
                "name", "ghcr.io/cairn-dev/cairn-sidecar", "newName", "r.example/t/cairn-sidecar"),
            Map.of("name", "nginx", "newTag", "1.27"),
            Map.of("name", "busybox", "digest", "sha256:abc"));

    assertThat(Kustomize.image("ghcr.io/cairn-dev/cairn-sidecar:1.0", entries))
        .isEqualTo("r.example/t/cairn-sidecar:1.0");
    assertThat(Kustomize.image("ghcr.io/cairn-dev/cairn-sidecar@sha256:def", entries))
        .isEqualTo("r.example/t/cairn-sidecar@sha256:def");
    assertThat(Kustomize.image("ghcr.io/cairn-dev/cairn-sidecar-extra:1.0", entries))
        .as("the name matches whole, never a prefix")
        .isEqualTo("ghcr.io/cairn-dev/cairn-sidecar-extra:1.0");
    assertThat(Kustomize.image("nginx:1.25", entries)).isEqualTo("nginx:1.27");
    assertThat(Kustomize.image("localhost:5000/nginx:1.25", entries))
        .as("a port is no tag")
        .isEqualTo("localhost:5000/nginx:1.25");
    assertThat(Kustomize.image("busybox:1.36", entries)).isEqualTo("busybox@sha256:abc");
  }

  private static Deployment inference(List<HasMetadata> objects) {
    return objects.stream()
        .filter(Deployment.class::isInstance)
        .map(Deployment.class::cast)
        .filter(d -> d.getMetadata().getName().equals("ink-inspection"))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> images(HasMetadata object) {
    PodSpec pod =
        switch (object) {
          case Deployment d -> d.getSpec().getTemplate().getSpec();
          case Pod p -> p.getSpec();
          default -> null;
        };
    if (pod == null) {
      return List.of();
    }
    List<String> images = new ArrayList<>();
    pod.getInitContainers().forEach(c -> images.add(c.getImage()));
    pod.getContainers().forEach(c -> images.add(c.getImage()));
    return images;
  }
}
