package dev.cairn.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Alias;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.sidecar.testing.SidecarClient;
import dev.cairn.sidecar.testing.Sidecars;
import dev.cairn.sidecar.testing.TcpProxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Must show 4 and 5. The sidecar reaches the registry through a proxy the test can cut, so the
 * registry is gone for the sidecar while the test still changes aliases through it.
 */
class RegistryOutageTest {

  private final TestRegistry registry = TestRegistry.shared();
  private final CairnClient publisher = registry.client(TestTokens.PUBLISHER);
  private final CairnClient approver = registry.client(TestTokens.APPROVER);
  private String project;
  @TempDir Path cache;

  @BeforeEach
  void publishThreeVersions() {
    project = Sidecars.scorerProject(registry, "outage", 3);
  }

  @Test
  void keepsServingThroughAThirtySecondOutageThenConvergesToTheNewestGeneration() throws Exception {
    try (TcpProxy proxy = new TcpProxy(registry.uri());
        Sidecar sidecar = Sidecars.start(proxy.uri(), project, "scorer", cache, List.of())) {
      SidecarClient client = new SidecarClient(sidecar.port());
      await().atMost(Duration.ofSeconds(20)).until(sidecar::ready);
      await().until(() -> client.get("/status").body().path("last_event_id").asLong() >= 0);
      long eventsBefore = client.get("/status").body().path("last_event_id").asLong();

      proxy.down();
      Instant cut = Instant.now();
      approver
          .aliases()
          .put(
              project, "scorer", "production", AliasUpdate.version("v2", "while down"), null, null);
      Alias newest =
          approver
              .aliases()
              .put(
                  project,
                  "scorer",
                  "production",
                  AliasUpdate.version("v3", "still down"),
                  null,
                  null);
      // Thirty seconds without the registry: every answer still comes from v1.
      await()
          .during(Duration.between(Instant.now(), cut.plusSeconds(30)))
          .atMost(Duration.ofSeconds(40))
          .until(() -> client.infer("scorer") == 1f);
      assertThat(client.get("/status").body().path("state").asText()).isEqualTo("DEGRADED");
      proxy.up();

      await().atMost(Duration.ofSeconds(40)).until(() -> client.infer("scorer") == 3f);
      var status = client.get("/status").body();
      assertThat(status.path("generation").asLong()).isEqualTo(newest.generation());
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  client.get("/status").body().path("last_event_id").asLong() >= eventsBefore + 2);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> client.get("/status").body().path("state").asText().equals("READY"));
    }
  }

  @Test
  void startsFromAWarmCacheWhileTheRegistryIsDownAndReportsDegraded() throws Exception {
    try (Sidecar first = Sidecars.start(registry.uri(), project, "scorer", cache, List.of())) {
      await().atMost(Duration.ofSeconds(20)).until(first::ready);
    }
    try (TcpProxy proxy = new TcpProxy(registry.uri())) {
      proxy.down();
      try (Sidecar offline = Sidecars.start(proxy.uri(), project, "scorer", cache, List.of())) {
        SidecarClient client = new SidecarClient(offline.port());
        await().atMost(Duration.ofSeconds(20)).until(offline::ready);
        assertThat(client.infer("scorer")).isEqualTo(1f);
        assertThat(client.get("/status").body().path("state").asText()).isEqualTo("DEGRADED");
        assertThat(client.get("/v2/health/ready").status()).isEqualTo(200);

        proxy.up();
        await()
            .atMost(Duration.ofSeconds(40))
            .until(() -> client.get("/status").body().path("state").asText().equals("READY"));
        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () ->
                    assertThat(
                            publisher.instances().list(project, "scorer", "production").stream()
                                .filter(i -> i.id().equals("sidecar-" + project))
                                .findFirst()
                                .orElseThrow()
                                .state())
                        .isEqualTo("READY"));
      }
    }
  }
}
