package dev.cairn.chart.testing;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment and files a container would get from the kubelet, built from rendered objects:
 * {@code envFrom} ConfigMaps, {@code env} values with {@code $(VAR)} expansion, {@code valueFrom}
 * Secret and ConfigMap keys and pod fields; Secret, ConfigMap and emptyDir volumes become folders
 * under a work directory, and every variable value that names a mount path is rewritten to the
 * folder. A missing Secret, key or ConfigMap fails, as the pod would.
 */
public final class PodEnvironment {

  private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

  private final List<HasMetadata> objects;
  private final String namespace;
  private final String podName;

  /** {@code objects}: everything the pod's namespace holds (rendered plus what the test adds). */
  public PodEnvironment(List<HasMetadata> objects, String namespace, String podName) {
    this.objects = objects;
    this.namespace = namespace;
    this.podName = podName;
  }

  /**
   * The environment of {@code container} in {@code pod}; mounts materialised under {@code work}.
   */
  public Map<String, String> resolve(PodSpec pod, Container container, Path work) {
    Map<String, Path> mounts = mount(pod, container, work);
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvFromSource from : container.getEnvFrom()) {
      if (from.getConfigMapRef() != null) {
        configMap(from.getConfigMapRef().getName())
            .getData()
            .forEach((k, v) -> env.put(k, rewritePaths(v, mounts)));
      }
      if (from.getSecretRef() != null) {
        secretData(from.getSecretRef().getName())
            .forEach((k, v) -> env.put(k, rewritePaths(v, mounts)));
      }
    }
    // Rewritten as each is defined, so a $(VAR) naming a mount path carries the folder too.
    for (EnvVar variable : container.getEnv()) {
      env.put(variable.getName(), rewritePaths(value(variable, env), mounts));
    }
    return env;
  }

  /** The folder under {@code work} that stands for {@code mount} of {@code container}. */
  public static Path folder(Container container, VolumeMount mount, Path work) {
    return work.resolve(container.getName() + "-" + mount.getName());
  }

  private String value(EnvVar variable, Map<String, String> earlier) {
    if (variable.getValueFrom() == null) {
      return expand(variable.getValue() == null ? "" : variable.getValue(), earlier);
    }
    var from = variable.getValueFrom();
    if (from.getSecretKeyRef() != null) {
      return required(
          secretData(from.getSecretKeyRef().getName()),
          from.getSecretKeyRef().getKey(),
          "Secret " + from.getSecretKeyRef().getName());
    }
    if (from.getConfigMapKeyRef() != null) {
      return required(
          configMap(from.getConfigMapKeyRef().getName()).getData(),
          from.getConfigMapKeyRef().getKey(),
          "ConfigMap " + from.getConfigMapKeyRef().getName());
    }
    if (from.getFieldRef() != null) {
      return switch (from.getFieldRef().getFieldPath()) {
        case "metadata.name" -> podName;
        case "metadata.namespace" -> namespace;
        default -> throw new AssertionError("unsupported field " + from.getFieldRef());
      };
    }
    throw new AssertionError("unsupported valueFrom " + from);
  }

  /** Kubernetes' dependent variables: $(NAME) of a variable defined earlier, else left as is. */
  private static String expand(String value, Map<String, String> earlier) {
    Matcher m = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = earlier.getOrDefault(m.group(1), m.group());
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    return m.appendTail(out).toString();
  }

  private Map<String, Path> mount(PodSpec pod, Container container, Path work) {
    Map<String, Path> mounts = new LinkedHashMap<>();
    try {
      for (VolumeMount mount : container.getVolumeMounts()) {
        Volume volume =
            pod.getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + mount.getName()));
        Path folder = folder(container, mount, work);
        Files.createDirectories(folder);
        if (volume.getSecret() != null) {
          write(
              folder,
              secretData(volume.getSecret().getSecretName()),
              volume.getSecret().getItems());
        } else if (volume.getConfigMap() != null) {
          write(
              folder,
              configMap(volume.getConfigMap().getName()).getData(),
              volume.getConfigMap().getItems());
        }
        mounts.put(mount.getMountPath(), folder);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return mounts;
  }

  private static void write(Path folder, Map<String, String> data, List<KeyToPath> items)
      throws IOException {
    if (items == null || items.isEmpty()) {
      for (var entry : data.entrySet()) {
        Files.writeString(folder.resolve(entry.getKey()), entry.getValue());
      }
      return;
    }
    for (KeyToPath item : items) {
      Path file = folder.resolve(item.getPath());
      Files.createDirectories(file.getParent());
      Files.writeString(file, required(data, item.getKey(), "volume item"));
    }
  }

  /** A value naming a mounted path, or a file below one, points into its folder instead. */
  private static String rewritePaths(String value, Map<String, Path> mounts) {
    for (var mount : mounts.entrySet()) {
      String path = mount.getKey();
      if (value.equals(path) || value.startsWith(path + "/")) {
        return mount.getValue() + value.substring(path.length());
      }
    }
    return value;
  }

  private Map<String, String> secretData(String name) {
    Secret secret = find(Secret.class, name);
    Map<String, String> data = new LinkedHashMap<>();
    if (secret.getData() != null) {
      secret
          .getData()
          .forEach(
              (k, v) ->
                  data.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
    }
    if (secret.getStringData() != null) {
      data.putAll(secret.getStringData());
    }
    return data;
  }

  private ConfigMap configMap(String name) {
    return find(ConfigMap.class, name);
  }

  private <T extends HasMetadata> T find(Class<T> type, String name) {
    return objects.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(o -> o.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(type.getSimpleName() + " " + name + " not found"));
  }

  private static String required(Map<String, String> data, String key, String where) {
    String value = data.get(key);
    if (value == null) {
      throw new AssertionError(where + " has no key " + key);
    }
    return value;
  }
}
