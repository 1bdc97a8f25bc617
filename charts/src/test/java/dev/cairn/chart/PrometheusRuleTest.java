package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.chart.testing.Chart;
import dev.cairn.chart.testing.Rendered;
import dev.cairn.chart.testing.Repo;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The optional PrometheusRule ({@code metrics.prometheusRule}, issue 28's untrusted-pointer alert):
 * off by default; on, its expressions name only metrics the registry really exports (their names as
 * registry-server's main code registers them), with the thresholds and labels of the values.
 */
class PrometheusRuleTest {

  private static final Pattern METRIC = Pattern.compile("\\bcairn_[a-z_]+\\b");

  @Test
  void offByDefault() {
    assertThat(Chart.defaults().render().objects())
        .noneMatch(o -> o.getKind().equals("PrometheusRule"));
  }

  @Test
  void theAlertsNameMetricsTheRegistryExports() throws IOException {
    GenericKubernetesResource rule =
        rule(
            Chart.defaults()
                .set("metrics.prometheusRule.enabled", true)
                .set("metrics.prometheusRule.labels.release", "prometheus")
                .set("metrics.prometheusRule.webhookOldestPendingSeconds", 900)
                .render());

    assertThat(rule.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(rule.getMetadata().getName()).isEqualTo("cairn-alerts");
    assertThat(rule.getMetadata().getLabels()).containsEntry("release", "prometheus");
    Map<String, Map<String, Object>> alerts = new TreeMap<>();
    for (Map<String, Object> r : rules(rule)) {
      alerts.put((String) r.get("alert"), r);
    }
    assertThat(alerts)
        .containsOnlyKeys("CairnUntrustedAliasPointer", "CairnWebhookDeliveriesStuck");
    assertThat(alerts.get("CairnUntrustedAliasPointer").get("expr"))
        .isEqualTo("max by (project, model, alias) (cairn_alias_untrusted_pointers) > 0");
    assertThat(alerts.get("CairnUntrustedAliasPointer").get("for")).isEqualTo("5m");
    assertThat(alerts.get("CairnWebhookDeliveriesStuck").get("expr"))
        .isEqualTo("max(cairn_webhook_oldest_pending_seconds) > 900");
    assertThat((String) annotations(alerts.get("CairnUntrustedAliasPointer")).get("summary"))
        .as("Prometheus templates reach the rule unexpanded by Helm")
        .contains("{{ $labels.project }}");

    String exported = registrySources();
    for (Map<String, Object> r : alerts.values()) {
      Matcher names = METRIC.matcher((String) r.get("expr"));
      assertThat(names.find()).as(r.get("alert") + " names a metric").isTrue();
      do {
        assertThat(exported)
            .as(names.group() + " is registered by the registry")
            .contains(".name(\"" + names.group() + "\")");
      } while (names.find());
    }
  }

  @Test
  void aDurationOrThresholdThatIsNotOneIsRefusedByTheSchema() {
    assertThatThrownBy(
            () ->
                Chart.defaults()
                    .set("metrics.prometheusRule.untrustedPointerFor", "five minutes")
                    .template())
        .hasMessageContaining("untrustedPointerFor");
    assertThatThrownBy(
            () ->
                Chart.defaults()
                    .set("metrics.prometheusRule.webhookOldestPendingSeconds", 0)
                    .template())
        .hasMessageContaining("webhookOldestPendingSeconds");
  }

  private static GenericKubernetesResource rule(Rendered rendered) {
    return rendered.objects().stream()
        .filter(o -> o.getKind().equals("PrometheusRule"))
        .map(GenericKubernetesResource.class::cast)
        .findFirst()
        .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rules(GenericKubernetesResource rule) {
    List<Map<String, Object>> all = new ArrayList<>();
    List<Map<String, Object>> groups =
        (List<Map<String, Object>>)
            ((Map<String, Object>) rule.getAdditionalProperties().get("spec")).get("groups");
    groups.forEach(g -> all.addAll((List<Map<String, Object>>) g.get("rules")));
    return all;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> annotations(Map<String, Object> rule) {
    return (Map<String, Object>) rule.get("annotations");
  }

  /** registry-server's main Java sources, where every metric name is registered. */
  private static String registrySources() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(Repo.resolve("registry-server/src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        all.append(Files.readString(file));
      }
    }
    return all.toString();
  }
}
