package dev.cairn.sidecar.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.registry.testing.JarReplica;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code java <jvm options> -jar target/cairn-sidecar.jar} as a child process, configured by the
 * environment alone, its output in {@code sidecar.log} of its work directory.
 */
public final class SidecarJar implements AutoCloseable {

  private static final Path JAR = Path.of("target", "cairn-sidecar.jar");
  private final Process process;
  private final Path log;
  private final int port;

  private SidecarJar(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts the jar and waits until {@code /v2/health/live} answers. */
  public static SidecarJar start(List<String> jvmOptions, Map<String, String> env, Path work)
      throws IOException {
    assertThat(JAR).as("built by the package phase").exists();
    int port = JarReplica.freePort();
    Path log = work.resolve("sidecar.log");
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        Stream.of(List.of(java), jvmOptions, List.of("-jar", JAR.toString()))
            .flatMap(List::stream)
            .toList();
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("CAIRN_"));
    builder.environment().putAll(env);
    builder.environment().put("CAIRN_CACHE_DIR", work.resolve("cache").toString());
    builder.environment().put("CAIRN_SIDECAR_HOST", "127.0.0.1");
    builder.environment().put("CAIRN_SIDECAR_PORT", Integer.toString(port));
    SidecarJar jar = new SidecarJar(builder.start(), log, port);
    SidecarClient client = new SidecarClient(port);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              assertThat(jar.isAlive()).as(jar::log).isTrue();
              assertThat(client.get("/v2/health/live").status()).isEqualTo(200);
            });
    return jar;
  }

  public int port() {
    return port;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** What the process wrote so far, for assertion messages. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log)";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
