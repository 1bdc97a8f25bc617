package dev.cairn.chart.testing;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The Kubernetes walk-through in {@code examples/k8s/}, as the tests read and run it. */
public final class WalkThrough {

  private WalkThrough() {}

  /**
   * Runs {@code examples/k8s/prepare.sh} into {@code out} and returns what it wrote for {@code
   * kubectl apply -f} (the token Secrets and the artifact ConfigMap), parsed.
   */
  public static List<HasMetadata> prepare(Path out) throws IOException, InterruptedException {
    return prepare(out, null);
  }

  /** {@link #prepare(Path)} with {@code IMAGE_REGISTRY=imageRegistry} (null: not set). */
  public static List<HasMetadata> prepare(Path out, String imageRegistry)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
                "bash", Repo.resolve("examples/k8s/prepare.sh").toString(), out.toString())
            .redirectErrorStream(true);
    builder.environment().remove("IMAGE_REGISTRY");
    if (imageRegistry != null) {
      builder.environment().put("IMAGE_REGISTRY", imageRegistry);
    }
    Process prepare = builder.start();
    String output = new String(prepare.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (prepare.waitFor() != 0) {
      throw new AssertionError("prepare.sh failed: " + output);
    }
    return parsed(out);
  }

  /**
   * What {@code kubectl apply -k examples/k8s/} applies after {@code IMAGE_REGISTRY=imageRegistry
   * examples/k8s/prepare.sh} (null: not set): the folder's manifests and kustomization are copied
   * to {@code work}, prepare.sh writes its generated/ there, and {@link Kustomize} builds it.
   */
  public static List<HasMetadata> kustomized(Path work, String imageRegistry)
      throws IOException, InterruptedException {
    Path folder = Files.createDirectories(work.resolve("k8s"));
    try (Stream<Path> files = Files.list(Repo.resolve("examples/k8s"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    prepare(folder.resolve("generated"), imageRegistry);
    return Kustomize.build(folder);
  }

  /** Every manifest in {@code folder} ({@code *.yaml}, sorted), parsed. */
  public static List<HasMetadata> parsed(Path folder) throws IOException {
    List<HasMetadata> objects = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        objects.addAll(Rendered.parse(Files.readString(file)).objects());
      }
    }
    return objects;
  }

  /** The container named {@code name} of a pod template. */
  public static Container container(PodSpec pod, String name) {
    return pod.getContainers().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container " + name));
  }

  /** A field of the walk-through ModelActivation's status, or null before there is one. */
  public static Object activationStatus(KubernetesClient kube, String field) {
    GenericKubernetesResource activation =
        kube.genericKubernetesResources("cairn.dev/v1alpha1", "ModelActivation")
            .inNamespace("inference")
            .withName("sku001-ink-a-production")
            .get();
    Object status = activation.getAdditionalProperties().get("status");
    return status instanceof Map<?, ?> map ? map.get(field) : null;
  }
}
