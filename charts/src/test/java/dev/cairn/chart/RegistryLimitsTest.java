package dev.cairn.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.chart.testing.Chart;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;

/**
 * The registry's request limits and access log (spec 40-security, Hardening) reach its environment.
 */
class RegistryLimitsTest {

  private static final String CONFIG = "cairn-registry";

  @Test
  void limitsDefaultToTheSpecsFigures() {
    ConfigMap config = Chart.defaults().render().configMap(CONFIG).orElseThrow();
    assertThat(config.getData())
        .containsEntry("CAIRN_MAX_JSON_BYTES", "1048576")
        .containsEntry("CAIRN_MAX_METADATA_BYTES", "65536")
        .containsEntry("CAIRN_ACCESS_LOG", "api")
        .containsEntry("CAIRN_MAX_CONNECTIONS", "1000")
        .containsEntry("CAIRN_IDLE_TIMEOUT_SECONDS", "60")
        .containsEntry("CAIRN_SCRUB_BYTES_PER_SECOND", "8388608")
        .containsEntry("CAIRN_SCRUB_INTERVAL_SECONDS", "86400")
        .containsEntry("CAIRN_FILE_ROOTS_ALLOW_HARD_LINKS", "false")
        .containsEntry("CAIRN_SESSION_MAX_HOURS", "12")
        .doesNotContainKey("CAIRN_SESSION_SECURE_COOKIE")
        .containsEntry("CAIRN_RESOLVE_CACHE_SIZE", "10000")
        .doesNotContainKey("CAIRN_REFERENCE_ALLOW_CIDRS")
        .doesNotContainKey("CAIRN_EXTRA_FORMATS");
  }

  @Test
  void limitsAreSettable() {
    ConfigMap config =
        Chart.defaults()
            .set("registry.config.maxMetadataBytes", 4096)
            .set("registry.config.accessLog", "off")
            .set("registry.config.maxConnections", 200)
            .set("registry.config.idleTimeoutSeconds", 15)
            .set("registry.config.scrubBytesPerSecond", 0)
            .set("registry.config.scrubIntervalSeconds", 3600)
            .set("registry.config.fileRootsAllowHardLinks", true)
            .set("registry.config.referenceAllowCidrs[0]", "10.20.0.0/16")
            .set("registry.config.referenceAllowCidrs[1]", "fd00::/8")
            .set("registry.config.extraFormats[0]", "openvino")
            .set("registry.config.sessionMaxHours", 2)
            .set("registry.config.resolveCacheSize", 250000)
            .render()
            .configMap(CONFIG)
            .orElseThrow();
    assertThat(config.getData())
        .containsEntry("CAIRN_MAX_METADATA_BYTES", "4096")
        .containsEntry("CAIRN_ACCESS_LOG", "off")
        .containsEntry("CAIRN_MAX_CONNECTIONS", "200")
        .containsEntry("CAIRN_IDLE_TIMEOUT_SECONDS", "15")
        .containsEntry("CAIRN_SCRUB_BYTES_PER_SECOND", "0")
        .containsEntry("CAIRN_SCRUB_INTERVAL_SECONDS", "3600")
        .containsEntry("CAIRN_FILE_ROOTS_ALLOW_HARD_LINKS", "true")
        .containsEntry("CAIRN_REFERENCE_ALLOW_CIDRS", "10.20.0.0/16,fd00::/8")
        .containsEntry("CAIRN_EXTRA_FORMATS", "openvino")
        .containsEntry("CAIRN_SESSION_MAX_HOURS", "2")
        .containsEntry("CAIRN_RESOLVE_CACHE_SIZE", "250000");
  }

  /** Issue 30: the webhook settings reach the registry, with the issue's retry schedule. */
  @Test
  void webhookSettingsDefaultToTheIssuesScheduleAndAreSettable() {
    assertThat(Chart.defaults().render().configMap(CONFIG).orElseThrow().getData())
        .containsEntry(
            "CAIRN_WEBHOOK_RETRY_SECONDS", "0,5,300,1800,7200,18000,36000,50400,72000,86400")
        .containsEntry("CAIRN_WEBHOOK_ALLOW_HTTP", "false")
        .doesNotContainKey("CAIRN_WEBHOOK_ALLOW_CIDRS");
    ConfigMap config =
        Chart.defaults()
            .set("registry.config.webhookRetrySeconds[0]", 0)
            .set("registry.config.webhookRetrySeconds[1]", 10)
            .set("registry.config.webhookAllowHttp", true)
            .set("registry.config.webhookAllowCidrs[0]", "10.30.0.0/16")
            .render()
            .configMap(CONFIG)
            .orElseThrow();
    assertThat(config.getData())
        .containsEntry("CAIRN_WEBHOOK_RETRY_SECONDS", "0,10")
        .containsEntry("CAIRN_WEBHOOK_ALLOW_HTTP", "true")
        .containsEntry("CAIRN_WEBHOOK_ALLOW_CIDRS", "10.30.0.0/16");
  }

  @Test
  void signingKeysAreMountedReadableByTheRegistryOnly() {
    var rendered =
        Chart.defaults()
            .set("auth.signingKeysSecret", "site-keys")
            .set("auth.signingKeysSecretKey", "installers.yaml")
            .render();

    assertThat(rendered.configMap(CONFIG).orElseThrow().getData())
        .containsEntry("CAIRN_SIGNING_KEYS", "/etc/cairn/signing/installers.yaml");
    var pod = rendered.deployment("registry").getSpec().getTemplate().getSpec();
    var volume =
        pod.getVolumes().stream().filter(v -> v.getName().equals("signing-keys")).findFirst();
    assertThat(volume.orElseThrow().getSecret().getSecretName()).isEqualTo("site-keys");
    assertThat(volume.orElseThrow().getSecret().getDefaultMode()).isEqualTo(0440);
    assertThat(Chart.defaults().render().configMap(CONFIG).orElseThrow().getData())
        .doesNotContainKey("CAIRN_SIGNING_KEYS");
  }
}
