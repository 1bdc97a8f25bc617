package dev.cairn.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.registry.testing.JarReplica;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.sidecar.testing.SidecarClient;
import dev.cairn.sidecar.testing.Sidecars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ./run-sidecar}, as the README says to start a sidecar against the quick-start registry: it
 * finds a JDK 21 without {@code JAVA_HOME}, takes the registry's admin token from {@code
 * cairn-data/admin-token}, runs from a copy of the jar no build rewrites, serves the model and
 * reports it (the admin token may); {@code ./run-sidecar seed-images DIR} writes the example
 * prints.
 */
class RunSidecarIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private final TestRegistry registry = TestRegistry.shared();

  @Test
  void servesTheModelWithTheQuickStartAdminTokenFromACopyOfTheJar() throws Exception {
    String project = Sidecars.scorerProject(registry, "runsidecar", 1);
    Path work = Files.createDirectories(Path.of("target", "run-sidecar-it").toAbsolutePath());
    Path data = Files.createDirectories(work.resolve("cairn-data"));
    Files.writeString(data.resolve("admin-token"), TestTokens.ADMIN + "\n");
    int port = JarReplica.freePort();
    Path log = work.resolve("run-sidecar.log");
    ProcessBuilder builder =
        new ProcessBuilder(ROOT.resolve("run-sidecar").toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("CAIRN_") || k.equals("JAVA_HOME"));
    builder.environment().put("CAIRN_DATA_DIR", data.toString());
    builder.environment().put("CAIRN_REGISTRY_URL", registry.uri().toString());
    builder.environment().put("CAIRN_PROJECT", project);
    builder.environment().put("CAIRN_MODEL", "scorer");
    builder.environment().put("CAIRN_CACHE_DIR", work.resolve("cache").toString());
    builder.environment().put("CAIRN_SIDECAR_HOST", "127.0.0.1");
    builder.environment().put("CAIRN_SIDECAR_PORT", Integer.toString(port));
    builder.environment().put("CAIRN_INSTANCE_ID", "run-sidecar-it");
    Process process = builder.start();
    try {
      SidecarClient client = new SidecarClient(port);
      await()
          .atMost(Duration.ofSeconds(90))
          .ignoreExceptions()
          .untilAsserted(() -> assertThat(client.get("/v2/health/ready").status()).isEqualTo(200));
      String output = Files.readString(log);
      assertThat(output)
          .contains(
              "run-sidecar: using the registry's admin token (" + data.resolve("admin-token") + ")")
          .contains("sidecar serving " + project + "/scorer@production")
          .doesNotContain("CAIRN_DATA_DIR");
      assertThat(client.infer("scorer")).isEqualTo(1f);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          registry
                              .client(TestTokens.READER)
                              .instances()
                              .list(project, "scorer", "production"))
                      .anyMatch(i -> i.id().equals("run-sidecar-it") && i.state().equals("READY")));

      List<String> openJars = openJars(process.pid());
      assertThat(openJars).as("jars the running JVM holds open").isNotEmpty();
      assertThat(openJars)
          .allSatisfy(jar -> assertThat(jar).startsWith(work.resolve("cache/runtime") + "/"));
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  @Test
  void writesTheSeedImages() throws Exception {
    Path work = Files.createDirectories(Path.of("target", "run-sidecar-it").toAbsolutePath());
    Path images = work.resolve("images");
    ProcessBuilder builder =
        new ProcessBuilder(ROOT.resolve("run-sidecar").toString(), "seed-images", images.toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("seed-images.log").toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("CAIRN_") || k.equals("JAVA_HOME"));
    builder.environment().put("CAIRN_CACHE_DIR", work.resolve("cache").toString());
    Process process = builder.start();
    assertThat(process.waitFor()).as(Files.readString(work.resolve("seed-images.log"))).isZero();
    try (Stream<Path> files = Files.list(images)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .contains("std-LOW-0.png", "std-MID-2.png", "std-HIGH-1.png", "std-HIGH2-2.png")
          .contains("sample.png")
          .hasSize(13);
    }
  }

  /** The jar files a process has open, read from {@code /proc/PID/fd} (Linux). */
  private static List<String> openJars(long pid) throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return fds.map(RunSidecarIT::target).filter(name -> name.endsWith(".jar")).toList();
    }
  }

  private static String target(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString();
    } catch (IOException gone) {
      return "";
    }
  }
}
