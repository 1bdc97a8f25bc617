package dev.cairn.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.client.model.AliasUpdate;
import dev.cairn.registry.testing.JarReplica;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.sidecar.testing.SidecarClient;
import dev.cairn.sidecar.testing.Sidecars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar inference-sidecar/target/cairn-sidecar.jar} alone runs the sidecar, configured
 * only by the environment variables of spec 50 (the token from a file).
 */
class SidecarJarIT {

  private static final Path JAR = Path.of("target", "cairn-sidecar.jar");

  @Test
  void theJarServesTheActiveVersionFromTheEnvironmentAlone() throws Exception {
    assertThat(JAR).as("built by the package phase").exists();
    TestRegistry registry = TestRegistry.shared();
    String project = Sidecars.projectWithModel(registry, "jar", "scorer");
    Sidecars.onnxVersion(registry.client(TestTokens.PUBLISHER), project, "scorer", "v1", 7);
    registry
        .client(TestTokens.APPROVER)
        .aliases()
        .put(project, "scorer", "production", AliasUpdate.version("v1", "jar"), null, null);
    Path work = Files.createTempDirectory("cairn-sidecar-jar");
    Path token = Files.writeString(work.resolve("token"), TestTokens.SIDECAR);
    int port = JarReplica.freePort();
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(java, "-Xmx256m", "-jar", JAR.toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("sidecar.log").toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("CAIRN_"));
    builder.environment().put("CAIRN_REGISTRY_URL", registry.uri().toString());
    builder.environment().put("CAIRN_REGISTRY_TOKEN_FILE", token.toString());
    builder.environment().put("CAIRN_PROJECT", project);
    builder.environment().put("CAIRN_MODEL", "scorer");
    builder.environment().put("CAIRN_CACHE_DIR", work.resolve("cache").toString());
    builder.environment().put("CAIRN_SIDECAR_HOST", "127.0.0.1");
    builder.environment().put("CAIRN_SIDECAR_PORT", Integer.toString(port));
    builder.environment().put("CAIRN_INSTANCE_ID", "jar-sidecar");
    Process process = builder.start();
    try {
      SidecarClient client = new SidecarClient(port);
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .untilAsserted(
              () -> {
                assertThat(process.isAlive()).as(() -> read(work.resolve("sidecar.log"))).isTrue();
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
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (java.io.IOException e) {
      return "(no log)";
    }
  }
}
