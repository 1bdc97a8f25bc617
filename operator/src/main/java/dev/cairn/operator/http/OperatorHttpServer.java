package dev.cairn.operator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The operator's own HTTP endpoints, on the JDK's built-in server (Helidon never enters the
 * operator): {@code /healthz} (the process answers), {@code /readyz} (reconciling is set up and
 * every informer is healthy) and {@code /metrics} (Prometheus text).
 */
public final class OperatorHttpServer implements AutoCloseable {

  private final HttpServer server;

  private OperatorHttpServer(HttpServer server) {
    this.server = server;
  }

  public static OperatorHttpServer start(int port, BooleanSupplier ready, Supplier<String> metrics)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    server.createContext("/healthz", exchange -> answer(exchange, 200, "text/plain", "ok\n"));
    server.createContext(
        "/readyz",
        exchange ->
            answer(
                exchange,
                ready.getAsBoolean() ? 200 : 503,
                "text/plain",
                ready.getAsBoolean() ? "ready\n" : "not ready\n"));
    server.createContext(
        "/metrics", exchange -> answer(exchange, 200, "text/plain; version=0.0.4", metrics.get()));
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return new OperatorHttpServer(server);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    boolean exactPath =
        exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath());
    if (!exactPath) {
      status = 404;
      bytes = "not found\n".getBytes(StandardCharsets.UTF_8);
    }
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
