package dev.cairn.registry.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hostile peer on a free port of {@code host}: answers every request with {@code status} and a
 * chunked body that never ends — {@code chunk} bytes every {@code pause} for as long as the other
 * side reads. It counts the bytes it managed to send, and how many requests are still being
 * answered (a request ends only when the client closes the connection).
 */
public final class EndlessAnswer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();

  public EndlessAnswer(String host, int status, int chunk, Duration pause) {
    try {
      server = HttpServer.create(new InetSocketAddress(host, 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = new byte[chunk];
    Arrays.fill(bytes, (byte) 'x');
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          open.incrementAndGet();
          try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(status, 0); // 0: chunked, no length promised
            OutputStream out = exchange.getResponseBody();
            out.write("begin ".getBytes(StandardCharsets.US_ASCII));
            while (!Thread.currentThread().isInterrupted()) {
              out.write(bytes);
              out.flush();
              sent.addAndGet(bytes.length);
              if (!pause.isZero()) {
                Thread.sleep(pause.toMillis());
              }
            }
          } catch (IOException | InterruptedException e) {
            // The client went away (aborted, or its deadline cut it off): the answer ends here.
          } finally {
            open.decrementAndGet();
          }
        });
    server.setExecutor(threads);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Body bytes written so far, over all requests. */
  public long sent() {
    return sent.get();
  }

  /** Requests whose answer is still being written. */
  public int open() {
    return open.get();
  }

  public int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
