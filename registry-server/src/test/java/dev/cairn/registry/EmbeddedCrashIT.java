package dev.cairn.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.JarReplica;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 6: {@code kill -9} of the registry leaves its embedded PostgreSQL running; the next start
 * must take over (before: it waited 60 s for the data directory, then exited). And when only the
 * embedded PostgreSQL dies, liveness must fail (before: 503 for ever behind a live 200).
 */
class EmbeddedCrashIT {

  private static final List<String> JVM = List.of("-Xmx384m", "-XX:+ExitOnOutOfMemoryError");

  @TempDir Path dataDir;

  @Test
  void fiveKillNineCyclesEachRestartReadyInUnder20SecondsWithDataAndAuditIntact() throws Exception {
    int port = JarReplica.freePort();
    JarReplica registry = JarReplica.start(dataDir, port, Map.of(), log(0), JVM);
    String token = Files.readString(dataDir.resolve("admin-token")).trim();
    try {
      for (int cycle = 1; cycle <= 5; cycle++) {
        Http http = new Http(registry.uri());
        assertThat(
                http.post("/api/v1/projects", token, "{\"name\":\"crash-" + cycle + "\"}")
                    .statusCode())
            .isEqualTo(201);
        registry.kill();
        long start = System.nanoTime();
        registry = JarReplica.start(dataDir, port, Map.of(), log(cycle), JVM);
        long readyMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("kill -9 cycle " + cycle + ": ready again in " + readyMillis + " ms");
        assertThat(readyMillis).as("restart %d", cycle).isLessThan(20_000);
        http = new Http(registry.uri());
        for (int kept = 1; kept <= cycle; kept++) {
          assertThat(http.get("/api/v1/projects/crash-" + kept, token).statusCode()).isEqualTo(200);
        }
        assertThat(http.get("/api/v1/audit/verify", token).body()).contains("\"valid\":true");
      }
    } finally {
      registry.close();
    }
  }

  @Test
  void whenTheEmbeddedPostgresDiesLivenessFails() throws Exception {
    int port = JarReplica.freePort();
    try (JarReplica registry = JarReplica.start(dataDir, port, Map.of(), log(0), JVM)) {
      Http http = new Http(registry.uri());
      assertThat(http.get("/health/live", null).statusCode()).isEqualTo(200);
      long pid =
          Long.parseLong(
              Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).getFirst().trim());
      ProcessHandle.of(pid).orElseThrow().destroyForcibly();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                var live = http.get("/health/live", null);
                assertThat(live.statusCode()).isEqualTo(503);
                assertThat(live.body()).contains("embedded_database");
              });
    }
  }

  private Path log(int n) {
    return dataDir.resolve("registry-" + n + ".log");
  }
}
