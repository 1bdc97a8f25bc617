package dev.cairn.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 28: {@code CAIRN_SIGSTORE_TRUSTED_ROOT}, read at start and refused there when unusable. */
class SigningSettingsTest {

  static final Path TRUSTED_ROOT =
      Path.of("../model-signing/src/test/resources/oms-v1.0/sigstore-java/trusted_root.json");

  @TempDir Path dir;

  @Test
  void unsetMeansNoRootAndSetReadsTheFileWhole() throws Exception {
    assertThat(SettingsLoader.load(Map.of()).signing().sigstoreTrustedRoot()).isEmpty();
    byte[] expected = Files.readAllBytes(TRUSTED_ROOT);
    assertThat(
            SettingsLoader.load(Map.of("CAIRN_SIGSTORE_TRUSTED_ROOT", TRUSTED_ROOT.toString()))
                .signing()
                .sigstoreTrustedRoot())
        .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(expected));
    assertThat(SettingsLoader.variables()).contains("CAIRN_SIGSTORE_TRUSTED_ROOT");
  }

  @Test
  void aMissingOrUnusableFileStopsTheStartNamingTheSetting() throws Exception {
    Path notJson = Files.writeString(dir.resolve("root.json"), "{not json");
    Path noCa = Files.writeString(dir.resolve("empty.json"), "{}");
    for (Path bad : new Path[] {dir.resolve("missing.json"), notJson, noCa}) {
      assertThatThrownBy(
              () -> SettingsLoader.load(Map.of("CAIRN_SIGSTORE_TRUSTED_ROOT", bad.toString())))
          .as(bad.toString())
          .isInstanceOf(StartupException.class)
          .hasMessageStartingWith("CAIRN_SIGSTORE_TRUSTED_ROOT: ")
          .hasMessageContaining(bad.toString())
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }
}
