package dev.cairn.registry.console;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A page of another origin (the same host, another port: same-site, so a SameSite=Strict cookie
 * still goes along, and only the CSRF check stands between it and the registry) that posts to the
 * registry as a cross-site form or script would: a simple request, no preflight, credentials
 * included.
 */
final class CrossSitePage implements AutoCloseable {

  private final HttpServer server;

  private CrossSitePage(HttpServer server) {
    this.server = server;
  }

  /** Serves at {@code /} a page that POSTs {@code body} to {@code target} and then says so. */
  static CrossSitePage posting(URI target, String body) {
    String page =
        "<!doctype html><title>waiting</title><script>"
            + "fetch('"
            + target
            + "', {method: 'POST', mode: 'no-cors', credentials: 'include',"
            + " headers: {'Content-Type': 'text/plain'}, body: '"
            + body.replace("'", "\\'")
            + "'}).then(() => { document.title = 'sent'; },"
            + " (e) => { document.title = 'failed ' + e; });"
            + "</script>";
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/",
          exchange -> {
            byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(bytes);
            }
          });
      server.start();
      return new CrossSitePage(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
