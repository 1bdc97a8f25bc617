package dev.cairn.bench;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The reference of the read benchmarks: a bare Helidon handler returning a constant JSON, with
 * Helidon's defaults. It runs in the benchmark's JVM ({@link #start()}) or in a JVM of its own
 * ({@link #main}, through {@link #spawn()}), since the registry has to hold its ratio against both
 * (issue 27 item 7): in one JVM the two servers share carrier threads and JIT, apart they compete
 * only for the cores.
 */
final class BareServer {

  private static final byte[] CONSTANT =
      "{\"service\":\"bare\",\"ok\":true}".getBytes(StandardCharsets.UTF_8);
  private static final String PORT_LINE = "bare-port=";

  private BareServer() {}

  /** The bare server in this JVM, on a free loopback port. */
  static WebServer start() {
    return WebServer.builder()
        .host("127.0.0.1")
        .port(0)
        .routing(
            r ->
                r.get(
                    "/bare",
                    (req, res) ->
                        res.header(HeaderNames.CONTENT_TYPE, "application/json").send(CONSTANT)))
        .build()
        .start();
  }

  /** Starts, prints its port, and stops when its standard input closes (its parent ended). */
  public static void main(String[] args) throws IOException {
    WebServer server = start();
    System.out.println(PORT_LINE + server.port());
    System.out.flush();
    while (System.in.read() != -1) {
      // Waits for the parent; nothing is read from it.
    }
    server.stop();
  }

  /** A bare server in a JVM of its own, started from this JVM's class path. */
  static Process spawn() throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java, "-cp", System.getProperty("java.class.path"), BareServer.class.getName())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** The URI of a spawned server, read from its first line of output. */
  static URI uriOf(Process process) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith(PORT_LINE)) {
      throw new IllegalStateException("the bare server did not start: " + line);
    }
    return URI.create("http://127.0.0.1:" + line.substring(PORT_LINE.length()) + "/bare");
  }

  static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
