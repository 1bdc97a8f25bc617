package dev.cairn.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Issue 12, finding 13: one access line per request, health probes included, wrote 377 MB in 40 s.
 * By default successful probes and {@code /metrics} get none; failures always do.
 */
class AccessLogTest {

  @Test
  void theDefaultSkipsSuccessfulProbesAndMetricsOnly() {
    assertThat(AccessLog.API.logs("/health/ready", 200)).isFalse();
    assertThat(AccessLog.API.logs("/health/live", 200)).isFalse();
    assertThat(AccessLog.API.logs("/metrics", 200)).isFalse();
    assertThat(AccessLog.API.logs("/health/ready", 503)).isTrue();
    assertThat(AccessLog.API.logs("/api/v1/projects/{project}/resolve", 200)).isTrue();
  }

  @Test
  void allAndOffMeanWhatTheySay() {
    assertThat(AccessLog.ALL.logs("/health/live", 200)).isTrue();
    assertThat(AccessLog.OFF.logs("/api/v1/projects", 500)).isFalse();
    assertThat(AccessLog.parse(" Off ")).isEqualTo(AccessLog.OFF);
    assertThatThrownBy(() -> AccessLog.parse("verbose"))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("CAIRN_ACCESS_LOG");
  }
}
