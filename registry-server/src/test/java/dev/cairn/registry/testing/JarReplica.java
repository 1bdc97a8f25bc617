package dev.cairn.registry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A registry replica in its own process ({@code java -jar cairn-registry.jar}) on a given database.
 */
public final class JarReplica implements AutoCloseable {

  private static final Path JAR = Path.of("target", "cairn-registry.jar");

  private final Process process;
  private final URI uri;
  private final Path log;

  private JarReplica(Process process, URI uri, Path log) {
    this.process = process;
    this.uri = uri;
    this.log = log;
  }

  /** Starts a replica sharing {@code first}'s database and tokens, and waits until it is ready. */
  public static JarReplica of(TestRegistry first) throws IOException {
    var source = first.server().dataSource();
    Path dataDir = Files.createTempDirectory("cairn-jar-replica");
    return start(
        dataDir,
        freePort(),
        Map.of(
            "CAIRN_DB_URL", source.url(),
            "CAIRN_DB_USER", source.user(),
            "CAIRN_DB_PASSWORD", source.password().isEmpty() ? "unused" : source.password(),
            "CAIRN_BOOTSTRAP_ADMIN_TOKEN", TestTokens.ADMIN,
            "CAIRN_AUDIT_KEY", first.auditKey(),
            "CAIRN_TOKENS_FILE", TestTokens.writeTokensFile(dataDir).toString()),
        dataDir.resolve("replica.log"));
  }

  /**
   * Starts {@code java -jar cairn-registry.jar} on {@code dataDir} and {@code port} with only the
   * given {@code CAIRN_*} variables (the test JVM's own are removed), logging to {@code log}, and
   * waits until it is ready.
   */
  public static JarReplica start(Path dataDir, int port, Map<String, String> env, Path log)
      throws IOException {
    return start(dataDir, port, env, log, List.of("-Xmx384m"));
  }

  /** As {@link #start(Path, int, Map, Path)}, with the given JVM options. */
  public static JarReplica start(
      Path dataDir, int port, Map<String, String> env, Path log, List<String> jvm)
      throws IOException {
    assertThat(JAR).as("built by the package phase").exists();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvm);
    command.addAll(List.of("-jar", JAR.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("CAIRN_"));
    builder.environment().putAll(env);
    builder.environment().put("CAIRN_DATA_DIR", dataDir.toString());
    builder.environment().put("CAIRN_HOST", "127.0.0.1");
    builder.environment().put("CAIRN_PORT", Integer.toString(port));
    JarReplica replica =
        new JarReplica(builder.start(), URI.create("http://127.0.0.1:" + port), log);
    Http http = new Http(replica.uri);
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptionsInstanceOf(UncheckedIOException.class)
        .untilAsserted(
            () -> {
              assertThat(replica.process.isAlive()).as(replica::log).isTrue();
              assertThat(http.get("/health/ready", null).statusCode()).isEqualTo(200);
            });
    return replica;
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public URI uri() {
    return uri;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** {@code kill -9}: no shutdown hook runs, the embedded PostgreSQL is left behind. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
