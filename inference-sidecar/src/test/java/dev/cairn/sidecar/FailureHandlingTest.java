package dev.cairn.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.sidecar.serving.ServingState;
import dev.cairn.sidecar.testing.SidecarClient;
import dev.cairn.sidecar.testing.Sidecars;
import dev.cairn.sidecar.testing.TcpProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 14, failure handling. Before: a truncated download left the sidecar LOADING for ever with
 * {@code last_error} empty and nothing logged; a revoked token showed READY, then DEGRADED with
 * {@code last_error} null; a killed registry took 45–75 s to notice.
 */
class FailureHandlingTest {

  private static final Duration STALL = Duration.ofSeconds(2);

  private final TestRegistry registry = TestRegistry.shared();
  @TempDir Path cache;

  @ParameterizedTest
  @EnumSource(
      value = TcpProxy.Fault.class,
      names = {"STALL", "TRUNCATE", "LENGTHEN"})
  void aSpoiledDownloadIsDownloadFailedTheOldSetServesAndALaterGenerationLoads(TcpProxy.Fault fault)
      throws Exception {
    String project = Sidecars.scorerProject(registry, "spoiled", 3);
    CairnClient approver = registry.client(TestTokens.APPROVER);
    try (TcpProxy proxy = new TcpProxy(registry.uri());
        Sidecar sidecar =
            Sidecar.start(
                Sidecars.settings(proxy.uri(), project, "scorer", cache, List.of())
                    .withStall(STALL))) {
      SidecarClient client = new SidecarClient(sidecar.port());
      await().atMost(Duration.ofSeconds(20)).until(sidecar::ready);
      proxy.fault(fault);

      approver
          .aliases()
          .put(project, "scorer", "production", AliasUpdate.version("v2", "spoiled"), null, null);

      await()
          .atMost(STALL.plusSeconds(8))
          .until(
              () ->
                  "DOWNLOAD_FAILED:default"
                      .equals(client.get("/status").body().path("last_error").asText()));
      assertThat(client.infer("scorer")).isEqualTo(1f);
      proxy.fault(TcpProxy.Fault.NONE);
      approver
          .aliases()
          .put(project, "scorer", "production", AliasUpdate.version("v3", "good"), null, null);
      await().atMost(Duration.ofSeconds(40)).until(() -> client.infer("scorer") == 3f);
      assertThat(client.get("/status").body().path("last_error").isNull()).isTrue();
    }
  }

  @Test
  void aRevokedTokenIsNamedAndTheSidecarIsDegraded() throws Exception {
    try (TestRegistry own = TestRegistry.start(Map.of("CAIRN_SCRUB_BYTES_PER_SECOND", "0"))) {
      String project = Sidecars.scorerProject(own, "revoked", 1);
      try (Sidecar sidecar = Sidecars.start(own.uri(), project, "scorer", cache, List.of())) {
        SidecarClient client = new SidecarClient(sidecar.port());
        await().atMost(Duration.ofSeconds(20)).until(sidecar::ready);
        Path tokens = own.dataDir().resolve("tokens.yaml");
        String kept =
            String.join(
                "\n", Files.readAllLines(tokens).stream().filter(line -> !line.isBlank()).toList());
        // The sidecar's entry (name … projects) is removed: its token is revoked.
        Files.writeString(tokens, withoutEntry(kept, "sidecar") + "\n");

        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () -> {
                  JsonNode status = client.get("/status").body();
                  assertThat(status.path("last_error").asText()).isEqualTo("REGISTRY_UNAUTHORIZED");
                  assertThat(status.path("state").asText()).isEqualTo("DEGRADED");
                  // The failed instance report shows too.
                  assertThat(status.path("report").path("last_error").asText()).contains("401");
                });
        assertThat(client.infer("scorer")).isEqualTo(1f);
      }
    }
  }

  @Test
  void aKilledRegistryIsNoticedWithinTwoHeartbeats() throws Exception {
    try (TestRegistry own =
        TestRegistry.start(
            Map.of("CAIRN_SSE_HEARTBEAT_SECONDS", "2", "CAIRN_SCRUB_BYTES_PER_SECOND", "0"))) {
      String project = Sidecars.scorerProject(own, "killed", 1);
      try (Sidecar sidecar = Sidecars.start(own.uri(), project, "scorer", cache, List.of())) {
        SidecarClient client = new SidecarClient(sidecar.port());
        await().atMost(Duration.ofSeconds(20)).until(sidecar::ready);
        await().atMost(Duration.ofSeconds(5)).until(() -> sidecar.state() == ServingState.READY);

        own.stopServer();
        long killed = System.nanoTime();

        await()
            .atMost(Duration.ofSeconds(2 * 2 + 5))
            .until(() -> sidecar.state() == ServingState.DEGRADED);
        assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(9));
        assertThat(client.get("/status").body().path("events_connected").asBoolean()).isFalse();
        assertThat(client.infer("scorer")).isEqualTo(1f);
      }
    }
  }

  /** The tokens file without the entry whose name contains {@code name}. */
  private static String withoutEntry(String yaml, String name) {
    StringBuilder kept = new StringBuilder();
    boolean skipping = false;
    for (String line : yaml.split("\n")) {
      if (line.startsWith("  - ")) {
        skipping = line.equals("  - name: " + name);
      }
      if (!skipping) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString();
  }
}
