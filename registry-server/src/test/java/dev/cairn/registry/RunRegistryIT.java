package dev.cairn.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.registry.testing.JarReplica;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ./run-registry}, as the README's first command: it starts the registry from a copy of the
 * jar and its libraries that it owns, so building the CLI or the registry again never rewrites the
 * classpath of the running JVM. It honours {@code TMPDIR}, which Java alone ignores.
 */
class RunRegistryIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theRegistryRunsFromACopyThatNoBuildRewrites() throws Exception {
    Path data = Files.createDirectories(Path.of("target", "run-registry-it").toAbsolutePath());
    int port = JarReplica.freePort();
    Path log = data.resolve("run-registry.log");
    ProcessBuilder builder =
        new ProcessBuilder(ROOT.resolve("run-registry").toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().remove("JAVA_HOME");
    builder.environment().put("CAIRN_DATA_DIR", data.resolve("cairn-data").toString());
    builder.environment().put("CAIRN_PORT", Integer.toString(port));
    builder.environment().put("CAIRN_HOST", "127.0.0.1");
    Path tmpdir = Files.createDirectories(data.resolve("tmp"));
    builder.environment().put("TMPDIR", tmpdir.toString());
    Process process = builder.start();
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(
              () -> assertThat(Files.readString(log)).contains("Cairn registry is running at"));

      List<String> openJars = openJars(process.pid());
      assertThat(openJars).as("jars the running JVM holds open").isNotEmpty();
      assertThat(openJars)
          .allSatisfy(
              jar -> assertThat(jar).doesNotContain("/registry-server/target/cairn-registry"));
      assertThat(openJars)
          .anySatisfy(jar -> assertThat(jar).startsWith(data.resolve("cairn-data/runtime") + "/"));
      // Java ignores TMPDIR; run-registry hands it on, so PostgreSQL is unpacked where it says.
      assertThat(tmpdir.resolve("embedded-pg")).isDirectory();
      assertThat(Files.readString(log)).doesNotContain("TMPDIR is");
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  /** The jar files a process has open, read from {@code /proc/PID/fd} (Linux). */
  private static List<String> openJars(long pid) throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return fds.map(RunRegistryIT::target).filter(name -> name.endsWith(".jar")).toList();
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
