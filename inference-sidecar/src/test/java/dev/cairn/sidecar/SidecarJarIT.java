package dev.cairn.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.client.model.AliasUpdate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.sidecar.testing.SidecarClient;
import dev.cairn.sidecar.testing.SidecarJar;
import dev.cairn.sidecar.testing.Sidecars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar inference-sidecar/target/cairn-sidecar.jar} alone runs the sidecar, configured
 * only by the environment variables of spec 50 (the token from a file).
 */
class SidecarJarIT {

  @Test
  void theJarServesTheActiveVersionFromTheEnvironmentAlone() throws Exception {
    TestRegistry registry = TestRegistry.shared();
    String project = Sidecars.projectWithModel(registry, "jar", "scorer");
    Sidecars.onnxVersion(registry.client(TestTokens.PUBLISHER), project, "scorer", "v1", 7);
    registry
        .client(TestTokens.APPROVER)
        .aliases()
        .put(project, "scorer", "production", AliasUpdate.version("v1", "jar"), null, null);
    Path work = Files.createTempDirectory("cairn-sidecar-jar");
    Path token = Files.writeString(work.resolve("token"), TestTokens.SIDECAR);
    try (SidecarJar process =
        SidecarJar.start(
            List.of("-Xmx256m"),
            Map.of(
                "CAIRN_REGISTRY_URL",
                registry.uri().toString(),
                "CAIRN_REGISTRY_TOKEN_FILE",
                token.toString(),
                "CAIRN_PROJECT",
                project,
                "CAIRN_MODEL",
                "scorer",
                "CAIRN_INSTANCE_ID",
                "jar-sidecar"),
            work)) {
      SidecarClient client = new SidecarClient(process.port());
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .untilAsserted(
              () -> {
                assertThat(process.isAlive()).as(process::log).isTrue();
                assertThat(client.get("/v2/health/ready").status()).isEqualTo(200);
              });
      assertThat(client.infer("scorer")).isEqualTo(7f);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  registry
                      .client(TestTokens.READER)
                      .instances()
                      .list(project, "scorer", "production")
                      .stream()
                      .anyMatch(i -> i.id().equals("jar-sidecar") && "READY".equals(i.state())));
    }
  }
}
