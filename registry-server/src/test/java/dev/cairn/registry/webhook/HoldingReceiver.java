package dev.cairn.registry.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A receiver on a free loopback port that holds every request until {@link #release} (or 20 s),
 * then answers 200 "ok": a slow endpoint whose attempts stay in flight as long as a test needs.
 * Counts requests, those held now, and the most held at once. One thread per request, so it never
 * limits concurrency itself.
 */
final class HoldingReceiver implements AutoCloseable {

  final AtomicInteger requests = new AtomicInteger();
  final AtomicInteger held = new AtomicInteger();
  final AtomicInteger mostHeld = new AtomicInteger();
  private volatile CountDownLatch gate = new CountDownLatch(1);
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  HoldingReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            mostHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
            try {
              gate.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } finally {
              held.decrementAndGet();
            }
            byte[] reply = {'o', 'k'};
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
          }
        });
    server.setExecutor(threads);
    server.start();
  }

  /** Lets every held request (and every later one) be answered. */
  void release() {
    gate.countDown();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    threads.shutdownNow();
  }
}
