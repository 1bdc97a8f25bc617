package dev.cairn.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.registry.testing.Http;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The laptop experience with the real artifact: {@code java -jar cairn-registry.jar} alone starts
 * on an embedded PostgreSQL, prints the URL and admin token, serves with that token, and keeps its
 * data across a stop and start.
 */
class QuickStartIT {

  private static final Path JAR = Path.of("target", "cairn-registry.jar");

  @TempDir Path dataDir;

  @Test
  void jarStartsWithEmbeddedDatabaseAndKeepsDataAcrossRestarts() throws Exception {
    assertThat(JAR).as("built by the package phase").exists();
    int port = freePort();
    Http http = new Http(URI.create("http://127.0.0.1:" + port));

    Path firstLog = dataDir.resolve("first.log");
    Process first = start(port, firstLog);
    String token;
    try {
      awaitReady(http, first, firstLog);
      token = Files.readString(dataDir.resolve("admin-token")).trim();
      assertThat(Files.readString(firstLog))
          .contains("Cairn registry is running at http://127.0.0.1:" + port)
          .contains(token);
      assertThat(http.get("/api/v1/projects", token).statusCode()).isEqualTo(200);
      assertThat(http.post("/api/v1/projects", token, "{\"name\":\"laptop\"}").statusCode())
          .isEqualTo(201);
      assertThat(
              http.post("/api/v1/projects/laptop/models", token, "{\"name\":\"kept\"}")
                  .statusCode())
          .isEqualTo(201);
    } finally {
      stop(first);
    }

    Path secondLog = dataDir.resolve("second.log");
    Process second = start(port, secondLog);
    try {
      awaitReady(http, second, secondLog);
      assertThat(http.get("/api/v1/projects/laptop/models", token).body())
          .contains("\"name\":\"kept\"");
      assertThat(Files.readString(secondLog)).doesNotContain(token);
    } finally {
      stop(second);
    }
  }

  private Process start(int port, Path log) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(java, "-Xmx512m", "-jar", JAR.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("CAIRN_"));
    builder.environment().put("CAIRN_DATA_DIR", dataDir.toString());
    builder.environment().put("CAIRN_PORT", Integer.toString(port));
    builder.environment().put("CAIRN_HOST", "127.0.0.1");
    return builder.start();
  }

  private static void awaitReady(Http http, Process process, Path log) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptionsInstanceOf(java.io.UncheckedIOException.class)
        .untilAsserted(
            () -> {
              assertThat(process.isAlive()).as(() -> readQuietly(log)).isTrue();
              assertThat(http.get("/health/ready", null).statusCode()).isEqualTo(200);
            });
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private static String readQuietly(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
