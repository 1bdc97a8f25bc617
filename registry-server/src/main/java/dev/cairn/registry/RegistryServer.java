package dev.cairn.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnJson;
import dev.cairn.client.process.ListenAddress;
import dev.cairn.registry.auth.AuthSetup;
import dev.cairn.registry.auth.BootstrapAdmin;
import dev.cairn.registry.auth.SessionStore;
import dev.cairn.registry.blob.BlobStore;
import dev.cairn.registry.blob.BlobStores;
import dev.cairn.registry.config.RegistrySettings;
import dev.cairn.registry.config.StartupException;
import dev.cairn.registry.db.DataSourceSpec;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.EmbeddedDatabase;
import dev.cairn.registry.db.ExternalDatabase;
import dev.cairn.registry.domain.JsonLimits;
import dev.cairn.registry.http.AccessFilter;
import dev.cairn.registry.http.AuthFilter;
import dev.cairn.registry.http.CorsFilter;
import dev.cairn.registry.http.ErrorMapping;
import dev.cairn.registry.http.ProblemWriter;
import dev.cairn.registry.http.request.JsonBodies;
import dev.cairn.registry.http.request.QueryParameters;
import dev.cairn.registry.http.request.RequestFactory;
import dev.cairn.registry.http.request.Responses;
import dev.cairn.registry.http.routes.ApiRoutes;
import dev.cairn.registry.http.routes.ConsoleRoutes;
import dev.cairn.registry.http.routes.OpenApiRoutes;
import dev.cairn.registry.http.routes.SessionRoutes;
import dev.cairn.registry.http.routes.oci.OciRoutes;
import dev.cairn.registry.http.transport.RegistryWebServer;
import dev.cairn.registry.logging.StructuredLog;
import dev.cairn.registry.service.HttpMetrics;
import io.helidon.webserver.http.HttpRouting;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * A running registry: database (embedded or external), migrations, auth, services and the HTTP
 * server, wired by hand. Closing it stops them in reverse order.
 */
public final class RegistryServer implements AutoCloseable {

  private final List<AutoCloseable> resources;
  private final RegistryWebServer web;
  private final BootstrapAdmin.Outcome bootstrap;
  private final ApiRoutes routes;
  private final DataSourceSpec dataSource;

  private RegistryServer(
      List<AutoCloseable> resources,
      RegistryWebServer web,
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
      Database database = Database.open(settings, resources);
      SchemaOwner.migrate(settings, database.source());
      Db db = Db.connect(database.source(), settings.dbPoolSize());
      resources.add(db);
      AuthSetup.Result auth = AuthSetup.configure(settings, db);
      BlobStore blobs = BlobStores.create(settings.blobs(), settings.dataDir());
      ObjectMapper json = JsonLimits.forStored(CairnJson.strictMapper());
      RegistryApi.Assembly api = RegistryApi.assemble(settings, database.source(), db, blobs, json);
      database.alive().ifPresent(alive -> api.liveness().register("embedded_database", alive));
      resources.add(api.background());
      SessionRoutes sessions = sessions(settings, db, auth, json);
      api.routes().add(sessions);
      RegistryWebServer web =
          RegistryWebServer.create(settings, json, routing(settings, json, auth, sessions, api));
      resources.add(web);
      api.liveness().register("http_listener", web::isRunning);
      api.liveness().register("header_deadline", web::headerDeadlineAlive);
      // Closed in reverse: open SSE streams end before the web server stops.
      resources.add(api.endStreams()::run);
      return new RegistryServer(resources, web, auth.bootstrap(), api.routes(), database.source());
    } catch (RuntimeException e) {
      closeAll(resources);
      throw e;
    }
  }

  /**
   * The filters (access log, CORS, authentication, in that order), the problem+json error mapping,
   * the OCI pull API under {@code /v2}, the console and the API routes: everything the web server
   * routes, in the order it routes it.
   */
  private static Consumer<HttpRouting.Builder> routing(
      RegistrySettings settings,
      ObjectMapper json,
      AuthSetup.Result auth,
      SessionRoutes sessions,
      RegistryApi.Assembly api) {
    ProblemWriter problems = new ProblemWriter(json);
    HttpMetrics metrics = api.metrics();
    return r -> {
      r.addFilter(new AccessFilter(metrics, new StructuredLog(json), settings.accessLog()));
      r.addFilter(new CorsFilter(settings.allowedOrigins(), problems));
      r.addFilter(new AuthFilter(auth, sessions.cookieAuth(), problems, metrics, api.refusals()));
      ErrorMapping.register(r, problems);
      new OciRoutes(
              api.ociCatalog(),
              api.downloads(),
              auth.authenticator(),
              api.refusals(),
              metrics,
              json)
          .register(r);
      ConsoleRoutes.register(r);
      api.routes()
          .registerInto(
              r,
              new RequestFactory(
                  new JsonBodies(json, settings.maxJsonBytes()),
                  QueryParameters.fromOpenApi(OpenApiRoutes.RESOURCE)));
    };
  }

  /** The database's data source, and for an embedded database the check that its process lives. */
  private record Database(DataSourceSpec source, Optional<BooleanSupplier> alive) {

    static Database open(RegistrySettings settings, List<AutoCloseable> resources) {
      if (!settings.embeddedDatabase()) {
        return new Database(
            ExternalDatabase.probe(
                settings.dbUrl().get(), settings.dbUser(), settings.dbPassword()),
            Optional.empty());
      }
      EmbeddedDatabase embedded = EmbeddedDatabase.start(settings.dataDir());
      resources.add(embedded);
      return new Database(embedded.dataSource(), Optional.of(embedded::alive));
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
