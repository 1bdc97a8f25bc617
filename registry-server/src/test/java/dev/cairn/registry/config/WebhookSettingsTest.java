package dev.cairn.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 30 item 4: the webhook settings, their defaults and their refusals at start. */
class WebhookSettingsTest {

  @Test
  void defaultsAreTheIssuesScheduleHttpsOnlyAndNoInsideRange() throws Exception {
    WebhookSettings settings = SettingsLoader.load(Map.of()).webhooks();
    assertThat(settings.schedule())
        .containsExactly(
            Duration.ZERO,
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(14),
            Duration.ofHours(20),
            Duration.ofHours(24));
    assertThat(settings.attempts()).isEqualTo(10);
    assertThat(settings.allowHttp()).isFalse();
    assertThat(settings.allowedRanges()).isEmpty();
    WebhookSettings set =
        SettingsLoader.load(
                Map.of(
                    "CAIRN_WEBHOOK_RETRY_SECONDS", " 0, 1 ,2",
                    "CAIRN_WEBHOOK_ALLOW_HTTP", "true",
                    "CAIRN_WEBHOOK_ALLOW_CIDRS", "10.0.0.0/8, fd00::/8"))
            .webhooks();
    assertThat(set.schedule()).hasSize(3);
    assertThat(set.allowHttp()).isTrue();
    assertThat(set.allowedRanges().get(0).contains(InetAddress.getByName("10.1.2.3"))).isTrue();
  }

  @Test
  void aBadScheduleOrRangeIsRefusedNamingItsVariable() {
    for (String bad : new String[] {"5,10", "0,-1", "0,x", "0,999999", ""}) {
      assertThatThrownBy(
              () -> SettingsLoader.load(Map.of("CAIRN_WEBHOOK_RETRY_SECONDS", bad + ",")))
          .as(bad)
          .isInstanceOf(StartupException.class)
          .hasMessageContaining("CAIRN_WEBHOOK_RETRY_SECONDS");
    }
    assertThatThrownBy(() -> SettingsLoader.load(Map.of("CAIRN_WEBHOOK_ALLOW_CIDRS", "intranet")))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("CAIRN_WEBHOOK_ALLOW_CIDRS");
  }
}
