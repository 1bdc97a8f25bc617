package dev.cairn.registry.http.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.process.ListenAddress;
import dev.cairn.registry.config.ConnectionLimits;
import dev.cairn.registry.config.RegistrySettings;
import dev.cairn.registry.config.StartupException;
import io.helidon.common.socket.SocketOptions;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import java.util.function.Consumer;

/**
 * The registry's Helidon server with its transport hardening: connection limits and idle timeouts,
 * strict request framing, the header deadline, socket read deadlines, the refusal of a connection
 * whose first bytes are not HTTP/1.1, and problem+json for what Helidon rejects before routing.
 * Routes and filters come from the caller, so this package knows the wire and nothing of the API.
 */
public final class RegistryWebServer implements AutoCloseable {

  private final WebServer web;
  private final HeaderDeadline headerDeadline;

  private RegistryWebServer(WebServer web, HeaderDeadline headerDeadline) {
    this.web = web;
    this.headerDeadline = headerDeadline;
  }

  /**
   * Builds, starts and checks the bind of the server; on any failure what was started is stopped
   * before the exception leaves.
   */
  public static RegistryWebServer create(
      RegistrySettings settings, ObjectMapper json, Consumer<HttpRouting.Builder> routing) {
    HeaderDeadline headerDeadline = new HeaderDeadline();
    WebServer web;
    try {
      web = build(settings, json, headerDeadline, routing).start();
    } catch (RuntimeException e) {
      headerDeadline.close();
      throw e;
    }
    RegistryWebServer server = new RegistryWebServer(web, headerDeadline);
    if (!web.isRunning() || web.port() < 0) {
      server.close();
      throw new StartupException(
          ListenAddress.notBound(settings.host(), settings.port(), "CAIRN_PORT", "bind failed")
              .getMessage());
    }
    return server;
  }

  private static WebServer build(
      RegistrySettings settings,
      ObjectMapper json,
      HeaderDeadline headerDeadline,
      Consumer<HttpRouting.Builder> routing) {
    ConnectionLimits connections = settings.connections();
    return WebServer.builder()
        .maxTcpConnections(connections.maxConnections())
        .idleConnectionTimeout(connections.idleTimeout())
        .idleConnectionPeriod(connections.idleCheckPeriod())
        .host(settings.host())
        .port(settings.port())
        .shutdownHook(false)
        // Helidon 4.1 refuses ':' in query strings, which RFC 3986 allows and the
        // label=key:value filter needs; names and paths are validated by the handlers.
        .addProtocol(
            Http1Config.builder()
                .validatePrologue(false)
                // StrictFraming validates paths, parsing only those that need it.
                .validatePath(false)
                .addReceiveListener(
                    ReceiveListeners.of(
                        new StrictFraming(settings.blobs().maxFileBytes()), headerDeadline))
                .build())
        // Helidon reads request bodies 4 KiB at a time by default (~90 MB/s of uploads on
        // this hardware); 64 KiB reads with a 1 MiB socket buffer ingest ~8x faster.
        .receiveBufferSize(64 * 1024)
        .connectionOptions(
            new ReadDeadlineOptions(
                SocketOptions.builder().socketReceiveBufferSize(1 << 20).build(),
                connections.idleTimeout()))
        .directHandlers(ProblemDirectHandler.forAllEvents(json))
        .addConnectionSelector(new FirstRequestRefusal(json))
        .routing(routing)
        .build();
  }

  public int port() {
    return web.port();
  }

  /** Helidon stops a listener whose accept fails; liveness then fails instead of a zombie. */
  public boolean isRunning() {
    return web.isRunning();
  }

  public boolean headerDeadlineAlive() {
    return headerDeadline.isAlive();
  }

  /** Stops the listener first, then the header deadline's timer that watched its connections. */
  @Override
  public void close() {
    try {
      web.stop();
    } finally {
      headerDeadline.close();
    }
  }
}
