package dev.cairn.cli.hostile;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A registry that lies: a real HTTP server on a loopback port answering each path with what a test
 * gives it (hostile JSON, endless bodies), counting the bytes it managed to send.
 */
final class HostileRegistry implements AutoCloseable {

  /** What one path answers; it writes the body itself after the headers. */
  interface Answer {
    void write(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();

  private HostileRegistry(HttpServer server) {
    this.server = server;
  }

  static HostileRegistry start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      HostileRegistry registry = new HostileRegistry(server);
      server.createContext("/", registry::handle);
      server.setExecutor(registry.threads);
      server.start();
      return registry;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** {@code path} (without the query) answers {@code status} with this JSON body. */
  HostileRegistry json(String path, int status, String body) {
    return answer(
        path,
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
          sent.addAndGet(bytes.length);
        });
  }

  /** {@code path} answers {@code status} with {@code head} and then {@code unit} forever. */
  HostileRegistry endless(String path, int status, String head, String unit) {
    return answer(
        path,
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, 0);
          byte[] bytes = unit.getBytes(StandardCharsets.UTF_8);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            while (true) {
              out.write(bytes); // ends when the client hangs up
              sent.addAndGet(bytes.length);
            }
          }
        });
  }

  HostileRegistry answer(String path, Answer answer) {
    answers.put(path, answer);
    return this;
  }

  /** Requests answered so far. */
  long requests() {
    return requests.get();
  }

  /** Body bytes written so far, over every request. */
  long bytesSent() {
    return sent.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    Answer answer = answers.get(exchange.getRequestURI().getPath());
    requests.incrementAndGet();
    try (exchange) {
      if (answer == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      answer.write(exchange);
    } catch (IOException hungUp) {
      // The client closed the connection: what an endless answer waits for.
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
