package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.chart.testing.Chart;
import dev.cairn.chart.testing.Rendered;
import dev.cairn.chart.testing.Repo;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Object names follow the common Helm convention (issue 26 item 5): release {@code cairn} of chart
 * {@code cairn} names its objects {@code cairn-…}, not {@code cairn-cairn-…}; other releases are
 * prefixed with the chart's name; {@code fullnameOverride} and {@code nameOverride} are honoured.
 */
class ChartNamesTest {

  static List<Path> walkThroughAndCiValues() throws Exception {
    List<Path> values = new ArrayList<>(ChartLintTest.ciValues().toList());
    values.add(Repo.resolve("examples/helm/k8s-walkthrough-values.yaml"));
    return values;
  }

  @ParameterizedTest
  @MethodSource("walkThroughAndCiValues")
  void noObjectNameRepeatsAWord(Path values) {
    Rendered chart = Chart.withValues(values).render();

    assertThat(chart.objects()).isNotEmpty();
    for (HasMetadata object : chart.objects()) {
      String name = object.getMetadata().getName();
      assertThat(doubledWord(name)).as(object.getKind() + "/" + name).isEmpty();
      assertThat(name).as(object.getKind()).startsWith("cairn-").doesNotStartWith("cairn-cairn");
    }
  }

  @Test
  void theReleaseNameAloneWhenItContainsTheChartsName() {
    assertThat(names(Chart.defaults()))
        .contains("Deployment/cairn-registry", "Deployment/cairn-operator")
        .contains("Secret/cairn-admin-token", "Secret/cairn-audit-key");
    assertThat(names(Chart.defaults().release("cairn-prod")))
        .contains("Deployment/cairn-prod-registry", "Secret/cairn-prod-admin-token");
  }

  @Test
  void anyOtherReleaseIsPrefixedWithTheChartsName() {
    Rendered chart = Chart.defaults().release("ml").render();

    assertThat(chart.names()).contains("Deployment/ml-cairn-registry", "Service/ml-cairn-registry");
    assertThat(chart.names()).allSatisfy(name -> assertThat(name).contains("/ml-cairn-"));
  }

  @Test
  void fullnameOverrideNamesEveryObject() {
    Rendered chart = Chart.defaults().set("fullnameOverride", "models").render();

    assertThat(chart.names())
        .contains("Deployment/models-registry", "Secret/models-admin-token")
        .allSatisfy(name -> assertThat(name).contains("/models-"));
    assertThat(chart.get(Deployment.class, "models-operator").getSpec().getTemplate().getSpec())
        .satisfies(
            pod ->
                assertThat(pod.getContainers().getFirst().getEnv())
                    .anySatisfy(
                        env ->
                            assertThat(env.getValue())
                                .isEqualTo("http://models-registry.cairn-system.svc:8080")));
  }

  @Test
  void nameOverrideReplacesTheChartsNameInNamesAndTheNameLabel() {
    Rendered chart = Chart.defaults().release("ml").set("nameOverride", "models").render();
    Deployment registry = chart.get(Deployment.class, "ml-models-registry");

    assertThat(registry.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/name", "models");
    assertThat(registry.getSpec().getSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/name", "models");
    assertThat(names(Chart.defaults().release("models-dev").set("nameOverride", "models")))
        .as("a release that contains the overridden name is used alone")
        .contains("Deployment/models-dev-registry");
  }

  @Test
  void refusesAFullnameOverrideThatIsNoDnsLabel() {
    assertThatThrownBy(() -> Chart.defaults().set("fullnameOverride", "Models_A").template())
        .hasMessageContaining("fullnameOverride");
  }

  /** The first word (between dashes) that follows itself, e.g. "cairn" in "cairn-cairn-x". */
  private static List<String> doubledWord(String name) {
    String[] words = name.split("-");
    List<String> doubled = new ArrayList<>();
    for (int i = 1; i < words.length; i++) {
      if (words[i].equals(words[i - 1])) {
        doubled.add(words[i]);
      }
    }
    return doubled;
  }

  private static List<String> names(Chart chart) {
    return chart.render().names();
  }
}
