package dev.cairn.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.sidecar.config.SidecarSettings;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void theRegistryProjectAndModelAreRequired() {
    assertThatThrownBy(() -> SidecarSettings.fromEnv(Map.of("CAIRN_PROJECT", "p")))
        .hasMessageContaining("CAIRN_REGISTRY_URL");
  }
}
