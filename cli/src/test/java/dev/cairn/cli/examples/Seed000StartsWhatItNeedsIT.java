package dev.cairn.cli.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cairn.registry.testing.JarReplica;
import dev.cairn.registry.testing.TestRegistry;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/seed-000-cli.sh} given only the registry and its admin token: it writes the
 * prints with {@code ./run-sidecar seed-images}, starts a sidecar with {@code ./run-sidecar}, runs
 * the whole flow, and stops the sidecar again.
 */
class Seed000StartsWhatItNeedsIT {

  @TempDir Path home;

  @Test
  void theScriptStartsItsSidecarAndWritesItsImages() throws Exception {
    int port = JarReplica.freePort();
    Path defaultCache = Path.of("..", "cairn-sidecar").toAbsolutePath().normalize();
    boolean hadDefaultCache = Files.exists(defaultCache);
    Path cache = Files.createDirectories(Path.of("target", "seed-000-it").toAbsolutePath());
    try (TestRegistry registry = TestRegistry.start(Map.of("CAIRN_SCRUB_BYTES_PER_SECOND", "0"))) {
      String output =
          SeedScript.run(
              home,
              registry.uri(),
              Map.of("SIDECAR_PORT", Integer.toString(port), "SIDECAR_CACHE", cache.toString()));
      assertThat(output).contains("sidecar at http://127.0.0.1:" + port);
    }
    assertThat(Files.exists(defaultCache))
        .as("with SIDECAR_CACHE given, nothing is written to ./cairn-sidecar")
        .isEqualTo(hadDefaultCache);
    try (Socket socket = new Socket()) {
      assertThat(
              catchThrowable(() -> socket.connect(new InetSocketAddress("127.0.0.1", port), 1000)))
          .as("the sidecar the script started is stopped with it")
          .isNotNull();
    }
  }
}
