package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.chart.testing.Chart;
import dev.cairn.chart.testing.MockCluster;
import dev.cairn.chart.testing.Rendered;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The schema and the template guards refuse bad values with a message naming the value. */
class ChartGuardsTest {

  @Test
  void refusesAWrongType() {
    assertThatThrownBy(() -> Chart.defaults().set("registry.replicas", "two").template())
        .hasMessageContaining("registry")
        .hasMessageContaining("replicas");
  }

  @Test
  void refusesAMisspelledTopLevelKey() {
    assertThatThrownBy(() -> Chart.defaults().set("registy.replicas", 3).template())
        .hasMessageContaining("registy");
  }

  @Test
  void refusesAnUnknownNestedKey() {
    assertThatThrownBy(() -> Chart.defaults().set("blobStore.s3.bukket", "x").template())
        .hasMessageContaining("bukket");
  }

  @Test
  void refusesAnEmbeddedDatabaseWithTwoReplicas() {
    assertThatThrownBy(
            () ->
                Chart.defaults()
                    .set("database.mode", "embedded")
                    .set("registry.replicas", 2)
                    .template())
        .hasMessageContaining("database.mode=embedded")
        .hasMessageContaining("registry.replicas=1 (it is 2)");
  }

  @Test
  void refusesAnEmbeddedDatabaseWithAutoscaling() {
    assertThatThrownBy(
            () ->
                Chart.defaults()
                    .set("database.mode", "embedded")
                    .set("registry.replicas", 1)
                    .set("registry.autoscaling.enabled", true)
                    .template())
        .hasMessageContaining("registry.autoscaling.enabled=false (it is true)");
  }

  @Test
  void refusesAReadWriteOnceFileStoreForTwoReplicas() {
    assertThatThrownBy(
            () ->
                Chart.defaults()
                    .set("blobStore.type", "file")
                    .set("registry.replicas", 2)
                    .template())
        .hasMessageContaining("blobStore.file.accessMode=ReadWriteOnce")
        .hasMessageContaining("registry.replicas=2");
  }

  @Test
  void refusesAnUnknownDatabaseMode() {
    assertThatThrownBy(() -> Chart.defaults().set("database.mode", "sqlite").template())
        .hasMessageContaining("database")
        .hasMessageContaining("mode");
  }

  @Test
  void operatorNeedsATokenWhenTheChartGeneratesNone() {
    assertThatThrownBy(() -> Chart.defaults().set("auth.tokensSecret", "cairn-tokens").template())
        .hasMessageContaining("operator.tokenSecret.name is required");
  }

  @Test
  void refusesToRenameAReleaseNamedByTheEarlierChart() {
    KubernetesClient cluster = MockCluster.shared().client();
    Secret oldKey =
        new SecretBuilder()
            .withNewMetadata()
            .withName("cairn-cairn-audit-key")
            .withNamespace(Chart.NAMESPACE)
            .endMetadata()
            .addToData("key", "b2xkLWtleQ==")
            .build();
    cluster.secrets().inNamespace(Chart.NAMESPACE).resource(oldKey).createOr(e -> e.update());
    try {
      assertThatThrownBy(() -> Chart.defaults().template())
          .hasMessageContaining("the Secret cairn-cairn-audit-key")
          .hasMessageContaining("Set fullnameOverride=cairn-cairn");
      Rendered kept = Chart.defaults().set("fullnameOverride", "cairn-cairn").render();
      assertThat(kept.names()).contains("Deployment/cairn-cairn-registry");
      assertThat(kept.get(Secret.class, "cairn-cairn-audit-key").getData())
          .as("the old audit key, read back")
          .containsEntry("key", "b2xkLWtleQ==");
    } finally {
      cluster.secrets().inNamespace(Chart.NAMESPACE).withName("cairn-cairn-audit-key").delete();
    }
    assertThat(Chart.defaults().render().names()).contains("Deployment/cairn-registry");
  }

  @Test
  void generatedAdminTokenIsKeptAcrossUpgradesWithATokensFileToo() {
    generatedAdminTokenIsKeptAcrossUpgrades(
        () ->
            Chart.defaults()
                .set("auth.tokensSecret", "cairn-tokens")
                .set("operator.tokenSecret.name", "cairn-operator-token"));
  }

  @Test
  void generatedAdminTokenIsKeptAcrossUpgrades() {
    generatedAdminTokenIsKeptAcrossUpgrades(Chart::defaults);
  }

  private static void generatedAdminTokenIsKeptAcrossUpgrades(Supplier<Chart> values) {
    KubernetesClient cluster = MockCluster.shared().client();
    String first = adminToken(values.get().render());
    cluster
        .secrets()
        .inNamespace(Chart.NAMESPACE)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("cairn-admin-token")
                .withNamespace(Chart.NAMESPACE)
                .endMetadata()
                .addToData("token", first)
                .build())
        .createOr(existing -> existing.update());
    try {
      assertThat(adminToken(values.get().render())).isEqualTo(first);
    } finally {
      cluster.secrets().inNamespace(Chart.NAMESPACE).withName("cairn-admin-token").delete();
    }
    assertThat(adminToken(values.get().render()))
        .as("a new install gets a new token")
        .isNotEqualTo(first);
  }

  private static String adminToken(Rendered chart) {
    Secret secret = chart.get(Secret.class, "cairn-admin-token");
    assertThat(secret.getMetadata().getAnnotations())
        .containsEntry("helm.sh/resource-policy", "keep");
    return secret.getData().get("token");
  }
}
