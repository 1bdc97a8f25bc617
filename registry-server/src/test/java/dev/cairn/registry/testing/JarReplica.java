package dev.cairn.registry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    assertThat(JAR).as("built by the package phase").exists();
    var source = first.server().dataSource();
    Path dataDir = Files.createTempDirectory("cairn-jar-replica");
    Path log = dataDir.resolve("replica.log");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(java, "-Xmx384m", "-jar", JAR.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("CAIRN_"));
    builder.environment().put("CAIRN_DB_URL", source.url());
    builder.environment().put("CAIRN_DB_USER", source.user());
    builder
        .environment()
        .put("CAIRN_DB_PASSWORD", source.password().isEmpty() ? "unused" : source.password());
    builder.environment().put("CAIRN_BOOTSTRAP_ADMIN_TOKEN", TestTokens.ADMIN);
    builder.environment().put("CAIRN_TOKENS_FILE", TestTokens.writeTokensFile(dataDir).toString());
    builder.environment().put("CAIRN_DATA_DIR", dataDir.toString());
    builder.environment().put("CAIRN_HOST", "127.0.0.1");
    builder.environment().put("CAIRN_PORT", Integer.toString(port));
    JarReplica replica =
        new JarReplica(builder.start(), URI.create("http://127.0.0.1:" + port), log);
    Http http = new Http(replica.uri);
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptionsInstanceOf(java.io.UncheckedIOException.class)
        .untilAsserted(
            () -> {
              assertThat(replica.process.isAlive()).as(replica::log).isTrue();
              assertThat(http.get("/health/ready", null).statusCode()).isEqualTo(200);
            });
    return replica;
  }

  public URI uri() {
    return uri;
  }

  private String log() {
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
