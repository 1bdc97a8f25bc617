package dev.cairn.registry.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Model bytes over real loopback HTTP, standing in for a model host ({@code
 * https://models.example.com/} in the examples, the in-cluster artifact server of the
 * walk-through): serves a folder (the committed {@code examples/artifacts}) by path, and 404 for
 * anything else.
 */
public final class SourceServer implements AutoCloseable {

  private final HttpServer server;

  private SourceServer(HttpServer server) {
    this.server = server;
  }

  public static SourceServer serving(Path root) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      Path base = root.toRealPath();
      server.createContext(
          "/",
          exchange -> {
            Path file = base.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(base) || !Files.isRegularFile(file)) {
              exchange.sendResponseHeaders(404, -1);
              exchange.close();
              return;
            }
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream out = exchange.getResponseBody()) {
              Files.copy(file, out);
            }
          });
      server.start();
      return new SourceServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Base URI ending in '/'. */
  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
