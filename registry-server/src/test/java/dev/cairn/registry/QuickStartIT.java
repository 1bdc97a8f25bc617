package dev.cairn.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.JarReplica;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The laptop experience with the real artifact: {@code java -jar cairn-registry.jar} alone starts
 * on an embedded PostgreSQL, prints the URL and admin token, serves with that token, and keeps its
 * data across a stop and start.
 */
class QuickStartIT {

  @TempDir Path dataDir;

  @Test
  void jarStartsWithEmbeddedDatabaseAndKeepsDataAcrossRestarts() throws Exception {
    int port = JarReplica.freePort();
    Path firstLog = dataDir.resolve("first.log");
    String token;
    try (JarReplica first = JarReplica.start(dataDir, port, Map.of(), firstLog)) {
      Http http = new Http(first.uri());
      token = Files.readString(dataDir.resolve("admin-token")).trim();
      // The banner is printed right after the server starts listening, so poll for it briefly.
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(Files.readString(firstLog))
                      .contains("Cairn registry is running at http://127.0.0.1:" + port)
                      .contains(token));
      assertThat(http.get("/api/v1/projects", token).statusCode()).isEqualTo(200);
      assertThat(http.post("/api/v1/projects", token, "{\"name\":\"laptop\"}").statusCode())
          .isEqualTo(201);
      assertThat(
              http.post("/api/v1/projects/laptop/models", token, "{\"name\":\"kept\"}")
                  .statusCode())
          .isEqualTo(201);
    }

    Path secondLog = dataDir.resolve("second.log");
    try (JarReplica second = JarReplica.start(dataDir, port, Map.of(), secondLog)) {
      Http http = new Http(second.uri());
      assertThat(http.get("/api/v1/projects/laptop/models", token).body())
          .contains("\"name\":\"kept\"");
      assertThat(Files.readString(secondLog)).doesNotContain(token);
    }
  }
}
