package dev.cairn.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnJson;
import dev.cairn.client.process.ListenAddress;
import dev.cairn.registry.auth.AuthSetup;
import dev.cairn.registry.auth.BootstrapAdmin;
import dev.cairn.registry.auth.SessionStore;
import dev.cairn.registry.blob.BlobStore;
import dev.cairn.registry.blob.BlobStores;
import dev.cairn.registry.config.ConnectionLimits;
import dev.cairn.registry.config.RegistrySettings;
import dev.cairn.registry.config.StartupException;
import dev.cairn.registry.db.DataSourceSpec;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.EmbeddedDatabase;
import dev.cairn.registry.db.ExternalDatabase;
import dev.cairn.registry.domain.JsonLimits;
import dev.cairn.registry.http.AccessFilter;
import dev.cairn.registry.http.ApiRoutes;
import dev.cairn.registry.http.AuthFilter;
import dev.cairn.registry.http.ConsoleRoutes;
import dev.cairn.registry.http.CorsFilter;
import dev.cairn.registry.http.ErrorMapping;
import dev.cairn.registry.http.FirstRequestRefusal;
import dev.cairn.registry.http.HeaderDeadline;
import dev.cairn.registry.http.JsonBodies;
import dev.cairn.registry.http.ProblemDirectHandler;
import dev.cairn.registry.http.ProblemWriter;
import dev.cairn.registry.http.QueryParameters;
import dev.cairn.registry.http.ReadDeadlineOptions;
import dev.cairn.registry.http.ReceiveListeners;
import dev.cairn.registry.http.RequestFactory;
import dev.cairn.registry.http.Responses;
import dev.cairn.registry.http.SessionRoutes;
import dev.cairn.registry.http.StrictFraming;
import dev.cairn.registry.logging.StructuredLog;
import dev.cairn.registry.service.HttpMetrics;
import io.helidon.common.socket.SocketOptions;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * A running registry: database (embedded or external), migrations, auth, services and the HTTP
 * server, wired by hand. Closing it stops them in reverse order.
 */
public final class RegistryServer implements AutoCloseable {

  private final List<AutoCloseable> resources;
  private final WebServer web;
  private final BootstrapAdmin.Outcome bootstrap;
  private final ApiRoutes routes;
  private final DataSourceSpec dataSource;

  private RegistryServer(
      List<AutoCloseable> resources,
      WebServer web,
      BootstrapAdmin.Outcome bootstrap,
      ApiRoutes routes,
      DataSourceSpec dataSource) {
    this.resources = resources;
    this.web = web;
    this.bootstrap = bootstrap;
    this.routes = routes;
    this.dataSource = dataSource;
  }

  public static RegistryServer start(RegistrySettings settings) {
    try {
      ListenAddress.requireFree(settings.host(), settings.port(), "CAIRN_PORT");
    } catch (IllegalStateException e) {
      throw new StartupException(e.getMessage());
    }
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      DataSourceSpec source;
      java.util.function.BooleanSupplier databaseProcessAlive = () -> true;
      if (settings.embeddedDatabase()) {
        EmbeddedDatabase embedded = EmbeddedDatabase.start(settings.dataDir());
        resources.add(embedded);
        source = embedded.dataSource();
        databaseProcessAlive = embedded::alive;
      } else {
        source =
            ExternalDatabase.probe(
                settings.dbUrl().get(), settings.dbUser(), settings.dbPassword());
      }
      SchemaOwner.migrate(settings, source);
      Db db = Db.connect(source, settings.dbPoolSize());
      resources.add(db);
      AuthSetup.Result auth = AuthSetup.configure(settings, db);
      BlobStore blobs = BlobStores.create(settings.blobs(), settings.dataDir());
      ObjectMapper json = JsonLimits.forStored(CairnJson.strictMapper());
      RegistryApi.Assembly api = RegistryApi.assemble(settings, source, db, blobs, json);
      if (settings.embeddedDatabase()) {
        api.liveness().register("embedded_database", databaseProcessAlive);
      }
      resources.add(api.background());
      SessionRoutes sessions = sessions(settings, db, auth, json);
      api.routes().add(sessions);
      ProblemWriter problems = new ProblemWriter(json);
      HttpMetrics metrics = api.metrics();
      HeaderDeadline headerDeadline = new HeaderDeadline();
      resources.add(headerDeadline);
      ConnectionLimits connections = settings.connections();
      WebServer web =
          WebServer.builder()
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
              .routing(
                  r -> {
                    r.addFilter(
                        new AccessFilter(metrics, new StructuredLog(json), settings.accessLog()));
                    r.addFilter(new CorsFilter(settings.allowedOrigins(), problems));
                    r.addFilter(new AuthFilter(auth, sessions, problems, metrics, api.refusals()));
                    ErrorMapping.register(r, problems);
                    ConsoleRoutes.register(r);
                    api.routes()
                        .registerInto(
                            r,
                            new RequestFactory(
                                new JsonBodies(json, settings.maxJsonBytes()),
                                QueryParameters.fromOpenApi()));
                  })
              .build()
              .start();
      resources.add(web::stop);
      // Helidon stops a listener whose accept fails; liveness then fails instead of a zombie.
      api.liveness().register("http_listener", web::isRunning);
      api.liveness().register("header_deadline", headerDeadline::isAlive);
      if (!web.isRunning() || web.port() < 0) {
        throw new StartupException(
            ListenAddress.notBound(settings.host(), settings.port(), "CAIRN_PORT", "bind failed")
                .getMessage());
      }
      // Closed in reverse: open SSE streams end before the web server stops.
      resources.add(api.endStreams()::run);
      return new RegistryServer(resources, web, auth.bootstrap(), api.routes(), source);
    } catch (RuntimeException e) {
      closeAll(resources);
      throw e;
    }
  }

  /** Browser sessions; a cookie without Secure is said in the log, as it is development only. */
  private static SessionRoutes sessions(
      RegistrySettings settings, Db db, AuthSetup.Result auth, ObjectMapper json) {
    if (!settings.sessions().secureCookie()) {
      Logger.getLogger(RegistryServer.class.getName())
          .warning(
              "session cookies are sent without Secure (CAIRN_SESSION_SECURE_COOKIE=false):"
                  + " plain-HTTP development mode, never for a registry reached over a network");
    }
    return new SessionRoutes(
        new SessionStore(db), auth.authenticator(), settings.sessions(), new Responses(json));
  }

  public int port() {
    return web.port();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + port());
  }

  public BootstrapAdmin.Outcome bootstrap() {
    return bootstrap;
  }

  public ApiRoutes routeTable() {
    return routes;
  }

  public DataSourceSpec dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    closeAll(resources);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        Logger.getLogger(RegistryServer.class.getName())
            .warning("while stopping: " + e.getMessage());
      }
    }
    resources.clear();
  }
}
