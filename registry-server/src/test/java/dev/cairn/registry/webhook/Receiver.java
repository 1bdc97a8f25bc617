package dev.cairn.registry.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A webhook receiver on a free loopback port (a JDK HttpServer): keeps every request it was sent,
 * with its arrival time, and answers {@link #answer} (200 unless a test says otherwise).
 */
final class Receiver implements AutoCloseable {

  /** One request as it arrived and the status it was answered; header names lower-cased. */
  record Received(long arrivedNanos, Map<String, String> headers, String body, int answered) {
    String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  final List<Received> requests = new CopyOnWriteArrayList<>();
  final AtomicInteger answer = new AtomicInteger(200);
  final AtomicInteger delayMillis = new AtomicInteger();
  final Map<String, String> answerHeaders = new ConcurrentHashMap<>();
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);

  Receiver() {
    this(0);
  }

  Receiver(int port) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          long at = System.nanoTime();
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Map<String, String> headers =
              exchange.getRequestHeaders().entrySet().stream()
                  .collect(
                      Collectors.toMap(
                          e -> e.getKey().toLowerCase(), e -> String.join(",", e.getValue())));
          int status = answer.get();
          requests.add(new Received(at, headers, body, status));
          if (delayMillis.get() > 0) {
            try {
              Thread.sleep(delayMillis.get());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          answerHeaders.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
          byte[] reply = "ok".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, reply.length);
          exchange.getResponseBody().write(reply);
          exchange.close();
        });
    server.setExecutor(threads);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  String url() {
    return "http://127.0.0.1:" + port() + "/hook";
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
