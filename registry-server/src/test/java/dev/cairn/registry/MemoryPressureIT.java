package dev.cairn.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.JarReplica;
import dev.cairn.registry.testing.Versions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 1, must-show 2: at {@code -Xmx256m}, 8 readers listing 150 versions of maximal metadata
 * and provenance (64 KiB each) without pause. Before: an OutOfMemoryError killed internal threads
 * and left a zombie. Now: {@code resolve} keeps answering throughout, or the process has exited
 * (never alive and failing).
 */
class MemoryPressureIT {

  private static final int VERSIONS = 150;
  private static final int READERS = 8;
  private static final Duration LOAD = Duration.ofSeconds(20);

  @TempDir Path dataDir;

  @Test
  void eightReadersOfMaximalListsNeverMakeAZombie() throws Exception {
    int port = JarReplica.freePort();
    List<String> jvm = List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
    try (JarReplica registry =
        JarReplica.start(dataDir, port, Map.of(), dataDir.resolve("registry.log"), jvm)) {
      String token = Files.readString(dataDir.resolve("admin-token")).trim();
      CairnClient admin = CairnClient.create(registry.uri(), token);
      admin.projects().create(ProjectCreate.named("heavy"));
      admin.models().create("heavy", ModelCreate.named("m"));
      Versions.ready(admin, "heavy", "m", "default", "served bytes");
      admin.aliases().put("heavy", "m", "production", AliasUpdate.version("v1", "go"), null, null);
      Http http = new Http(registry.uri());
      String doc = "{\"blob\":\"" + "x".repeat(64 * 1024 - 12) + "\"}";
      for (int i = 2; i <= VERSIONS; i++) {
        String body =
            "{\"format\":\"generic\",\"files\":[{\"path\":\"m.bin\",\"sha256\":\""
                + "a".repeat(64)
                + "\",\"size_bytes\":1}],\"metadata\":"
                + doc
                + ",\"provenance\":"
                + doc
                + "}";
        assertThat(http.post("/api/v1/projects/heavy/models/m/versions", token, body).statusCode())
            .isEqualTo(201);
      }

      AtomicInteger listed = new AtomicInteger();
      Instant end = Instant.now().plus(LOAD);
      try (ExecutorService readers = Executors.newFixedThreadPool(READERS)) {
        for (int r = 0; r < READERS; r++) {
          readers.submit(
              () -> {
                while (Instant.now().isBefore(end) && registry.isAlive()) {
                  try {
                    http.get("/api/v1/projects/heavy/models/m/versions?limit=100", token);
                    listed.incrementAndGet();
                  } catch (RuntimeException e) {
                    // A reader cut off mid-response is what this test provokes; keep reading.
                  }
                }
              });
        }
        int resolves = 0;
        int failures = 0;
        while (Instant.now().isBefore(end) && registry.isAlive()) {
          resolves++;
          try {
            var res = http.get("/api/v1/projects/heavy/resolve?ref=m@production", token);
            if (res.statusCode() != 200) {
              failures++;
            }
          } catch (RuntimeException e) {
            failures += registry.isAlive() ? 1 : 0;
          }
          Thread.sleep(200);
        }
        System.out.printf(
            "memory pressure: %d list responses, %d resolves, %d failed, alive %s%n",
            listed.get(), resolves, failures, registry.isAlive());
        // Before: the first page of 100 versions (~13 MB of JSON) ended the process.
        assertThat(registry.isAlive()).as(registry.log()).isTrue();
        assertThat(failures).isZero();
        assertThat(http.get("/health/live", null).statusCode()).isEqualTo(200);
      }
    }
  }
}
