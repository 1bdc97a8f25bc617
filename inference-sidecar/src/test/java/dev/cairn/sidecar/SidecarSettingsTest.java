package dev.cairn.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.sidecar.config.ImageLimits;
import dev.cairn.sidecar.config.SidecarSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SidecarSettingsTest {

  @TempDir Path dir;

  @Test
  void readsTheDocumentedVariablesWithTheirDefaults() throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("token"), "from-file\n");
    SidecarSettings settings =
        SidecarSettings.fromEnv(
            Map.of(
                "CAIRN_REGISTRY_URL", "http://registry:8080",
                "CAIRN_REGISTRY_TOKEN_FILE", tokenFile.toString(),
                "CAIRN_REGISTRY_TOKEN", "from-env",
                "CAIRN_PROJECT", "fraud",
                "CAIRN_MODEL", "scorer",
                "CAIRN_IMAGE_ROOTS", "/data/a, /data/b",
                "HOSTNAME", "pod-7"));
    assertThat(settings.token()).isEqualTo("from-file");
    assertThat(settings.alias()).isEqualTo("production");
    assertThat(settings.port()).isEqualTo(9000);
    assertThat(settings.host()).isEqualTo("0.0.0.0");
    assertThat(settings.imageRoots()).containsExactly(Path.of("/data/a"), Path.of("/data/b"));
    assertThat(settings.instanceId()).isEqualTo("pod-7");
    assertThat(settings.cacheMaxBytes()).isEqualTo(10L << 30);
  }

  @Test
  void readsTheLimitsOnInspectImagesAndRefusesZero() {
    Map<String, String> base =
        Map.of("CAIRN_REGISTRY_URL", "http://r", "CAIRN_PROJECT", "p", "CAIRN_MODEL", "m");
    ImageLimits defaults = SidecarSettings.fromEnv(base).images();
    assertThat(defaults.maxImagesPerRequest()).isEqualTo(32);
    assertThat(defaults.maxRequestPixels()).isEqualTo(100_000_000L);
    assertThat(defaults.maxDecodingBytes()).isEqualTo(Runtime.getRuntime().maxMemory() / 4);
    Map<String, String> set = new HashMap<>(base);
    set.put("CAIRN_MAX_IMAGES_PER_REQUEST", "4");
    set.put("CAIRN_MAX_REQUEST_PIXELS", "1000000");
    set.put("CAIRN_MAX_DECODING_BYTES", "67108864");
    assertThat(SidecarSettings.fromEnv(set).images())
        .isEqualTo(new ImageLimits(4, 1_000_000L, 64L << 20));
    set.put("CAIRN_MAX_REQUEST_PIXELS", "0");
    assertThatThrownBy(() -> SidecarSettings.fromEnv(set))
        .hasMessageContaining("CAIRN_MAX_REQUEST_PIXELS must be at least 1");
  }

  @Test
  void theRegistryProjectAndModelAreRequired() {
    assertThatThrownBy(() -> SidecarSettings.fromEnv(Map.of("CAIRN_PROJECT", "p")))
        .hasMessageContaining("CAIRN_REGISTRY_URL");
  }

  @Test
  void exactlyOneWayOfChoosingModelsIsAccepted() {
    Map<String, String> base =
        Map.of("CAIRN_REGISTRY_URL", "http://r", "CAIRN_PROJECT", "p", "CAIRN_MODEL", "m");
    Map<String, String> both = new HashMap<>(base);
    both.put("CAIRN_MODELS", "a,b");
    Map<String, String> selector = new HashMap<>(base);
    selector.remove("CAIRN_MODEL");
    selector.put("CAIRN_MODEL_SELECTOR", "task=ink,line=3");
    Map<String, String> broken = new HashMap<>(selector);
    broken.put("CAIRN_MODEL_SELECTOR", "task");

    assertThatThrownBy(() -> SidecarSettings.fromEnv(both))
        .hasMessage("set exactly one of CAIRN_MODEL, CAIRN_MODELS and CAIRN_MODEL_SELECTOR");
    SidecarSettings fleet = SidecarSettings.fromEnv(selector);
    assertThat(fleet.singleModel()).isFalse();
    assertThat(fleet.fleet().selector()).containsEntry("task", "ink").containsEntry("line", "3");
    assertThat(fleet.fleet().preload()).isFalse();
    assertThatThrownBy(() -> SidecarSettings.fromEnv(broken))
        .hasMessageContaining("CAIRN_MODEL_SELECTOR must be key=value pairs");
  }
}
