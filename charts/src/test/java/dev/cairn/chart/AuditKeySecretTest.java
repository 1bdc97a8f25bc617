package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.chart.testing.Chart;
import dev.cairn.chart.testing.Rendered;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The audit chain's key (spec 40-security, Hardening) reaches the registry from a Secret. */
class AuditKeySecretTest {

  @Test
  void theChartGeneratesAKeptKeyByDefault() {
    Rendered chart = Chart.defaults().render();
    var secret = chart.secret("cairn-audit-key").orElseThrow();
    assertThat(secret.getMetadata().getAnnotations())
        .containsEntry("helm.sh/resource-policy", "keep");
    assertThat(Base64.getDecoder().decode(secret.getData().get("key"))).hasSize(64);
    assertThat(auditKey(chart).getValueFrom().getSecretKeyRef())
        .satisfies(ref -> assertThat(ref.getName()).isEqualTo("cairn-audit-key"))
        .satisfies(ref -> assertThat(ref.getKey()).isEqualTo("key"));
  }

  @Test
  void anExistingSecretIsUsedInstead() {
    Rendered chart =
        Chart.defaults()
            .set("auth.auditKey.existingSecret", "vault-audit")
            .set("auth.auditKey.key", "hmac")
            .render();
    assertThat(chart.secret("cairn-audit-key")).isEmpty();
    assertThat(auditKey(chart).getValueFrom().getSecretKeyRef())
        .satisfies(ref -> assertThat(ref.getName()).isEqualTo("vault-audit"))
        .satisfies(ref -> assertThat(ref.getKey()).isEqualTo("hmac"));
  }

  private static EnvVar auditKey(Rendered chart) {
    return chart
        .deployment("registry")
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .getFirst()
        .getEnv()
        .stream()
        .filter(e -> e.getName().equals("CAIRN_AUDIT_KEY"))
        .findFirst()
        .orElseThrow();
  }
}
