package dev.cairn.chart.testing;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
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

  /**
   * The prefix of the objects' names for release {@code cairn}: the release name alone, since it
   * contains the chart's name.
   */
  public static final String FULLNAME = "cairn";

  /** Oldest Kubernetes the chart supports (its kubeVersion); Helm's default is older. */
  public static final String KUBE_VERSION = "v1.27.0";

  private final Path valuesFile;
  private final Map<String, Object> sets = new LinkedHashMap<>();
  private String release = RELEASE;

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

  /** Renders as release {@code name} instead of {@code cairn}; returns this chart. */
  public Chart release(String name) {
    this.release = name;
    return this;
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
            .withName(release)
            .withNamespace(NAMESPACE)
            .withKubeVersion(KUBE_VERSION);
    if (valuesFile != null) {
      command.withValuesFile(valuesFile);
    }
    sets.forEach(command::set);
    return command.call();
  }

  /**
   * NOTES.txt as {@code helm install --dry-run} renders it for these values. Client only: Helm asks
   * no cluster, so a {@code lookup} finds nothing, as on a first install.
   */
  public String notes() {
    InstallCommand command =
        new Helm(Repo.chart())
            .install()
            .withName(release)
            .withNamespace(NAMESPACE)
            .withKubeVersion(KUBE_VERSION)
            .dryRun()
            .clientOnly();
    if (valuesFile != null) {
      command.withValuesFile(valuesFile);
    }
    sets.forEach(command::set);
    String output = command.call().getOutput();
    int notes = output.indexOf("NOTES:");
    if (notes < 0) {
      throw new AssertionError("helm install --dry-run printed no NOTES:\n" + output);
    }
    return output.substring(notes + "NOTES:".length());
  }

  /** {@code helm template}, parsed. */
  public Rendered render() {
    return Rendered.parse(template());
  }
}
