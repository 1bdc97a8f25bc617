package dev.cairn.initializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.model.ManifestEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A registry's manifest cannot make the initializer write outside its destination. */
class InstallerTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../escape.bin",
        "a/../../escape.bin",
        "/etc/passwd",
        ".cairn/resolution.json",
        ".cairn-tmp/x.bin",
        ".",
        "nul\u0000byte.bin"
      })
  void refusesAManifestPathThatLeavesTheDestination(String path) throws Exception {
    Path base = Files.createDirectories(Path.of("target", "installer-test"));
    Path dest = Files.createTempDirectory(base, "dest");
    ManifestEntry entry = new ManifestEntry(path, "a".repeat(64), 1, "/x");
    // Refused before anything is fetched or recorded: neither is needed.

    assertThatThrownBy(() -> new Installer().install(dest, List.of(entry), null, null))
        .isInstanceOfSatisfying(
            InitFailure.class,
            e -> {
              assertThat(e.exitCode()).isEqualTo(ExitCode.REFUSED);
              assertThat(e.getMessage()).containsAnyOf("would leave its directory", "not a path");
            });
    try (var written = Files.list(dest)) {
      assertThat(written).isEmpty();
    }
    assertThat(dest.resolveSibling("escape.bin")).doesNotExist();
  }
}
