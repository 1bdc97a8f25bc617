package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.chart.testing.Chart;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;

/** The registry's request limits (spec 40-security, Hardening) reach its environment. */
class RegistryLimitsTest {

  private static final String CONFIG = "cairn-cairn-registry";

  @Test
  void limitsDefaultToTheSpecsFigures() {
    ConfigMap config = Chart.defaults().render().configMap(CONFIG).orElseThrow();
    assertThat(config.getData())
        .containsEntry("CAIRN_MAX_JSON_BYTES", "1048576")
        .containsEntry("CAIRN_MAX_METADATA_BYTES", "65536");
  }

  @Test
  void limitsAreSettable() {
    ConfigMap config =
        Chart.defaults()
            .set("registry.config.maxMetadataBytes", 4096)
            .render()
            .configMap(CONFIG)
            .orElseThrow();
    assertThat(config.getData()).containsEntry("CAIRN_MAX_METADATA_BYTES", "4096");
  }
}
