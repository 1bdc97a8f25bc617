package dev.cairn.chart.testing;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The objects one {@code helm template} produced, parsed into fabric8 model classes. */
public record Rendered(List<HasMetadata> objects) {

  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  public static Rendered parse(String manifests) {
    List<HasMetadata> objects =
        Arrays.stream(manifests.split("(?m)^---\\s*$"))
            .filter(doc -> doc.lines().anyMatch(line -> line.startsWith("kind:")))
            .map(doc -> (HasMetadata) YAML.unmarshal(doc))
            .toList();
    return new Rendered(objects);
  }

  public <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  public <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
    return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
  }

  public <T extends HasMetadata> T get(Class<T> type, String name) {
    return find(type, name)
        .orElseThrow(
            () ->
                new AssertionError(
                    "no " + type.getSimpleName() + " named " + name + " in " + names()));
  }

  public Deployment deployment(String part) {
    return get(Deployment.class, Chart.FULLNAME + "-" + part);
  }

  public Optional<ConfigMap> configMap(String name) {
    return find(ConfigMap.class, name);
  }

  public Optional<Secret> secret(String name) {
    return find(Secret.class, name);
  }

  public List<String> names() {
    return objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList();
  }
}
