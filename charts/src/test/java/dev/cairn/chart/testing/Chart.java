package dev.cairn.chart.testing;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders {@code charts/cairn} with real Helm (helm-java) as release {@code cairn} in namespace
 * {@code cairn-system}, the names the README's walk-through uses.
 */
public final class Chart {

  public static final String RELEASE = "cairn";
  public static final String NAMESPACE = "cairn-system";

  /** Oldest Kubernetes the chart supports (its kubeVersion); Helm's default is older. */
  public static final String KUBE_VERSION = "v1.27.0";

  private final Path valuesFile;
  private final Map<String, Object> sets = new LinkedHashMap<>();

  private Chart(Path valuesFile) {
    this.valuesFile = valuesFile;
  }

  /** The chart with its own defaults only. */
  public static Chart defaults() {
    return new Chart(null);
  }

  /** The chart with a values file on top of its defaults (as {@code -f}). */
  public static Chart withValues(Path valuesFile) {
    return new Chart(valuesFile);
  }

  /** {@code --set key=value}; returns this chart. */
  public Chart set(String key, Object value) {
    sets.put(key, value);
    return this;
  }

  /** {@code helm template}: the rendered manifests as text; Helm's errors as exceptions. */
  public String template() {
    MockCluster.shared(); // Helm's lookup needs an API server to ask
    TemplateCommand command =
        new Helm(Repo.chart())
            .template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .withKubeVersion(KUBE_VERSION);
    if (valuesFile != null) {
      command.withValuesFile(valuesFile);
    }
    sets.forEach(command::set);
    return command.call();
  }

  /** {@code helm template}, parsed. */
  public Rendered render() {
    return Rendered.parse(template());
  }
}
