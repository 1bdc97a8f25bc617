package dev.cairn.initializer;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Failures before any request: one stderr line, the usage code, the termination message. */
class StorageInitializerTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void argumentsNotInPairsAreAUsageErrorWrittenToTheTerminationLog() throws Exception {
    Path log = termination();

    int code = run(log, "cairn://ink/m@production");

    assertThat(code).isEqualTo(1);
    assertThat(stderr().lines())
        .singleElement()
        .asString()
        .contains("usage: cairn-storage-initializer src_uri dest_path");
    assertThat(Files.readString(log)).isEqualTo(stderr());
  }

  @Test
  void aHostileUriIsRefusedBeforeAnyRequest() throws Exception {
    int code =
        run(termination(), "cairn://ink/m@production", "/tmp/a", "cairn://ink/m%2F..@p", "/tmp/b");

    assertThat(code).isEqualTo(1);
    assertThat(stderr().lines())
        .singleElement()
        .asString()
        .startsWith(
            "cairn-storage-initializer: usage: 'cairn://ink/m%2F..@p' is not a cairn:// URI");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void noTerminationLogOutsideAContainerIsFine() {
    int code = run(Path.of("target", "no-such-dir", "termination-log"), "only-one");

    assertThat(code).isEqualTo(1);
    assertThat(stderr().lines()).hasSize(1);
  }

  /**
   * Review 12 item 4: a URI naming another host (here another port of this machine, listening)
   * exits 1 before any request, so the token never leaves for it, whichever host the URI names.
   */
  @Test
  void aUriNamingAnotherRegistryIsRefusedBeforeItIsAsked() throws Exception {
    List<String> asked = new CopyOnWriteArrayList<>();
    HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    other.createContext(
        "/",
        exchange -> {
          asked.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().keySet());
          exchange.sendResponseHeaders(500, -1);
          exchange.close();
        });
    other.start();
    try {
      int port = other.getAddress().getPort();
      Map<String, String> env =
          Map.of(
              InitializerSettings.REGISTRY_URL,
              "http://127.0.0.1:" + freePort(),
              InitializerSettings.TOKEN,
              "reader-token-4711");

      int code =
          run(
              env,
              termination(),
              "cairn://ink/m@production",
              "target/a",
              "cairn://127.0.0.1:" + port + "/ink/m@production",
              "target/b");

      assertThat(code).isEqualTo(ExitCode.USAGE.code());
      assertThat(stderr().lines())
          .singleElement()
          .asString()
          .startsWith("cairn-storage-initializer: usage: cairn://127.0.0.1:" + port + "/ink/m@")
          .contains("loads only from CAIRN_REGISTRY_URL")
          .doesNotContain("reader-token-4711");
      assertThat(asked).isEmpty();
      assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    } finally {
      other.stop(0);
    }
  }

  private int run(Path log, String... args) {
    return run(Map.of(), log, args);
  }

  private int run(Map<String, String> env, Path log, String... args) {
    return StorageInitializer.run(
        args,
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        log);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** A port nothing listens on: the configured registry must not be asked either. */
  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Path termination() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "termination"));
    return Files.writeString(Files.createTempFile(dir, "termination-log", ""), "");
  }
}
