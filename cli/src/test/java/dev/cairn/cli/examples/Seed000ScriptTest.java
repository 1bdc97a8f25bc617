package dev.cairn.cli.examples;

import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.runtime.testing.SeedImages;
import dev.cairn.sidecar.Sidecar;
import dev.cairn.sidecar.config.SidecarSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, must show 1 and 3: {@code examples/seed-000-cli.sh} runs seed 000 with the {@code
 * cairn} command line alone — each command a JVM of its own, as a shell runs it — against an empty
 * registry and a real sidecar, from {@code login} to an inspection verdict, with {@code activate
 * --wait} returning once the sidecar reports the new versions; the user's current CLI context stays
 * as it was.
 */
class Seed000ScriptTest {

  @TempDir Path home;
  @TempDir Path images;
  @TempDir Path cache;

  @Test
  void theSeedFlowRunsWithTheCommandLineAlone() throws Exception {
    SeedImages.write(images);
    try (TestRegistry registry = TestRegistry.start(Map.of("CAIRN_SCRUB_BYTES_PER_SECOND", "0"));
        Sidecar sidecar =
            Sidecar.start(
                SidecarSettings.loopback(
                        registry.uri(),
                        TestTokens.SIDECAR,
                        SeedScript.PROJECT,
                        "sku001-ink-a",
                        cache,
                        "line-3-a")
                    .withPeriods(Duration.ofSeconds(5), Duration.ofSeconds(1)))) {
      SeedScript.run(
          home,
          registry.uri(),
          Map.of("SIDECAR_URL", "http://127.0.0.1:" + sidecar.port(), "IMAGES", images.toString()));
    }
  }
}
