package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import dev.cairn.chart.testing.Chart;
import dev.cairn.chart.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code helm lint --strict} and {@code helm template} for every values file in {@code ci/}. */
class ChartLintTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Stream<Path> ciValues() throws IOException {
    try (Stream<Path> files = Files.list(Repo.chart().resolve("ci"))) {
      return files.filter(f -> f.toString().endsWith("-values.yaml")).sorted().toList().stream();
    }
  }

  @Test
  void theMatrixCoversDefaultProductionEverythingAndEmbedded() throws IOException {
    assertThat(ciValues().map(p -> p.getFileName().toString()))
        .contains(
            "default-values.yaml",
            "production-values.yaml",
            "everything-values.yaml",
            "embedded-values.yaml");
  }

  @ParameterizedTest
  @MethodSource("ciValues")
  void lintsStrictlyWithValues(Path values, @TempDir Path work) throws IOException {
    // helm-java's lint takes no values file: lint a copy whose values.yaml is the defaults with
    // the ci file merged on top, as `helm lint --strict -f` would see them.
    Path chart = copyChart(work.resolve("cairn"));
    ObjectNode merged = (ObjectNode) YAML.readTree(Repo.chart().resolve("values.yaml").toFile());
    JsonNode overrides = YAML.readTree(values.toFile());
    merge(merged, overrides);
    YAML.writeValue(chart.resolve("values.yaml").toFile(), merged);

    LintResult lint = new Helm(chart).lint().strict().call();

    assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
  }

  @ParameterizedTest
  @MethodSource("ciValues")
  void rendersWithValues(Path values) {
    String manifests = Chart.withValues(values).template();

    assertThat(manifests).contains("kind: Deployment").contains("name: cairn-registry");
  }

  private static Path copyChart(Path target) throws IOException {
    Path source = Repo.chart();
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
    return target;
  }

  private static void merge(ObjectNode base, JsonNode overrides) {
    if (overrides == null || !overrides.isObject()) {
      return;
    }
    overrides
        .fields()
        .forEachRemaining(
            field -> {
              JsonNode existing = base.get(field.getKey());
              if (existing instanceof ObjectNode object && field.getValue().isObject()) {
                merge(object, field.getValue());
              } else {
                base.set(field.getKey(), field.getValue());
              }
            });
  }
}
