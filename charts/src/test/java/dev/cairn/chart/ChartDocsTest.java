package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.chart.testing.Chart;
import dev.cairn.chart.testing.Repo;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every chart value is documented in {@code charts/cairn/README.md}, and every variable the chart
 * gives a Cairn process is in the project README's tables.
 */
class ChartDocsTest {

  /** Values whose content is free-form Kubernetes (documented as one entry). */
  private static final Set<String> FREE_FORM =
      Set.of(
          "podAnnotations",
          "podLabels",
          "nodeSelector",
          "affinity",
          "annotations",
          "labels",
          "resources",
          "ingressNamespaceSelector",
          "metricsNamespaceSelector");

  @Test
  void everyValueIsInTheChartReadme() throws IOException {
    String readme = Files.readString(Repo.chart().resolve("README.md"));
    List<String> keys = valueKeys();

    assertThat(keys).hasSizeGreaterThan(80);
    assertThat(keys).allSatisfy(key -> assertThat(readme).as(key).contains("| `" + key + "` |"));
  }

  @Test
  void everyVariableTheChartSetsIsInTheProjectReadme() throws IOException {
    var chart = Chart.withValues(Repo.chart().resolve("ci/everything-values.yaml")).render();
    String readme = Files.readString(Repo.resolve("README.md"));
    List<String> variables = new ArrayList<>();
    chart.all(ConfigMap.class).forEach(cm -> variables.addAll(cm.getData().keySet()));
    for (String part : List.of("registry", "operator")) {
      chart
          .deployment(part)
          .getSpec()
          .getTemplate()
          .getSpec()
          .getContainers()
          .getFirst()
          .getEnv()
          .stream()
          .map(EnvVar::getName)
          .forEach(variables::add);
    }

    assertThat(variables.stream().filter(v -> v.startsWith("CAIRN_")))
        .isNotEmpty()
        .allSatisfy(v -> assertThat(readme).as(v).contains("`" + v + "`"));
  }

  @Test
  void theSchemaDescribesEveryValue() throws IOException {
    JsonNode values =
        new ObjectMapper(new YAMLFactory()).readTree(Repo.chart().resolve("values.yaml").toFile());
    JsonNode schema =
        new ObjectMapper().readTree(Repo.chart().resolve("values.schema.json").toFile());
    List<String> keys = new ArrayList<>();
    leaves(values, "", keys);

    for (String key : keys) {
      JsonNode node = schema;
      for (String part : key.split("\\.")) {
        node = node.path("properties").path(part);
      }
      assertThat(node.path("type").isMissingNode()).as(key + " has a type in the schema").isFalse();
    }
  }

  /** Every value's dotted key in values.yaml (free-form Kubernetes maps as one key). */
  private static List<String> valueKeys() throws IOException {
    JsonNode values =
        new ObjectMapper(new YAMLFactory()).readTree(Repo.chart().resolve("values.yaml").toFile());
    List<String> keys = new ArrayList<>();
    leaves(values, "", keys);
    return keys;
  }

  private static void leaves(JsonNode node, String prefix, List<String> keys) {
    node.fields()
        .forEachRemaining(
            field -> {
              String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
              if (field.getValue().isObject()
                  && !field.getValue().isEmpty()
                  && !FREE_FORM.contains(field.getKey())) {
                leaves(field.getValue(), key, keys);
              } else {
                keys.add(key);
              }
            });
  }
}
