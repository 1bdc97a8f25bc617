package dev.cairn.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnJson;
import dev.cairn.client.model.ServiceInfo;
import dev.cairn.registry.audit.AuditLog;
import dev.cairn.registry.audit.AuditRepository;
import dev.cairn.registry.audit.AuditVerifier;
import dev.cairn.registry.auth.AuthFilter;
import dev.cairn.registry.auth.AuthSetup;
import dev.cairn.registry.auth.BootstrapAdmin;
import dev.cairn.registry.config.RegistrySettings;
import dev.cairn.registry.db.DataSourceSpec;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.db.EmbeddedDatabase;
import dev.cairn.registry.db.ExternalDatabase;
import dev.cairn.registry.db.Migrations;
import dev.cairn.registry.http.AccessFilter;
import dev.cairn.registry.http.ApiRoutes;
import dev.cairn.registry.http.AuditRoutes;
import dev.cairn.registry.http.CorsFilter;
import dev.cairn.registry.http.ErrorMapping;
import dev.cairn.registry.http.JsonBodies;
import dev.cairn.registry.http.ModelRoutes;
import dev.cairn.registry.http.OpenApiRoutes;
import dev.cairn.registry.http.ProblemDirectHandler;
import dev.cairn.registry.http.ProblemWriter;
import dev.cairn.registry.http.ProjectRoutes;
import dev.cairn.registry.http.RequestFactory;
import dev.cairn.registry.http.Responses;
import dev.cairn.registry.http.ServiceRoutes;
import dev.cairn.registry.http.VersionRoutes;
import dev.cairn.registry.logging.StructuredLog;
import dev.cairn.registry.model.ModelLookup;
import dev.cairn.registry.model.ModelRepository;
import dev.cairn.registry.model.ModelService;
import dev.cairn.registry.paging.PageTokens;
import dev.cairn.registry.paging.ServerSecrets;
import dev.cairn.registry.project.ProjectRepository;
import dev.cairn.registry.project.ProjectService;
import dev.cairn.registry.service.DatabaseHealth;
import dev.cairn.registry.service.HttpMetrics;
import dev.cairn.registry.version.VersionRepository;
import dev.cairn.registry.version.VersionService;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      DataSourceSpec source;
      if (settings.embeddedDatabase()) {
        EmbeddedDatabase embedded = EmbeddedDatabase.start(settings.dataDir());
        resources.add(embedded);
        source = embedded.dataSource();
      } else {
        source =
            ExternalDatabase.probe(
                settings.dbUrl().get(), settings.dbUser(), settings.dbPassword());
      }
      Migrations.apply(source);
      Db db = Db.connect(source, settings.dbPoolSize());
      resources.add(db);
      AuthSetup.Result auth = AuthSetup.configure(settings, db);
      Routes routes = routes(settings, source, db);
      ObjectMapper json = CairnJson.strictMapper();
      ProblemWriter problems = new ProblemWriter(json);
      HttpMetrics metrics = routes.metrics;
      WebServer web =
          WebServer.builder()
              .host(settings.host())
              .port(settings.port())
              .shutdownHook(false)
              // Helidon 4.1 refuses ':' in query strings, which RFC 3986 allows and the
              // label=key:value filter needs; names and paths are validated by the handlers.
              .addProtocol(Http1Config.builder().validatePrologue(false).build())
              .directHandlers(ProblemDirectHandler.forAllEvents(json))
              .routing(
                  r -> {
                    r.addFilter(new AccessFilter(metrics, new StructuredLog(json)));
                    r.addFilter(new CorsFilter(settings.allowedOrigins(), problems));
                    r.addFilter(new AuthFilter(auth.authenticator(), problems, metrics));
                    ErrorMapping.register(r, problems);
                    routes.table.registerInto(
                        r, new RequestFactory(new JsonBodies(json, settings.maxJsonBytes())));
                  })
              .build()
              .start();
      resources.add(web::stop);
      return new RegistryServer(resources, web, auth.bootstrap(), routes.table, source);
    } catch (RuntimeException e) {
      closeAll(resources);
      throw e;
    }
  }

  /** The route table and the metrics its handlers feed. */
  private record Routes(ApiRoutes table, HttpMetrics metrics) {}

  private static Routes routes(RegistrySettings settings, DataSourceSpec source, Db db) {
    ObjectMapper json = CairnJson.strictMapper();
    Responses responses = new Responses(json);
    HttpMetrics metrics = new HttpMetrics();
    PageTokens pageTokens = new PageTokens(new ServerSecrets(db).get("page-token-key"));
    AuditLog audit = new AuditLog();
    AuditRepository auditRepository = new AuditRepository(db);
    ProjectRepository projects = new ProjectRepository();
    ModelRepository models = new ModelRepository();
    ModelLookup lookup = new ModelLookup(projects, models);
    // No blob store yet: artifacts arrive with uploads (issue 3), which set it to file or s3.
    ServiceInfo info =
        new ServiceInfo(
            "cairn-registry",
            version(),
            settings.environment(),
            source.embedded() ? "embedded" : "external",
            "none",
            true);
    ApiRoutes table =
        new ApiRoutes()
            .add(new ServiceRoutes(info, new DatabaseHealth(db), metrics, responses))
            .add(OpenApiRoutes.load())
            .add(
                new ProjectRoutes(
                    new ProjectService(db, projects, audit, pageTokens, json), responses))
            .add(
                new ModelRoutes(
                    new ModelService(db, models, lookup, audit, pageTokens, json), responses))
            .add(
                new VersionRoutes(
                    new VersionService(
                        db, new VersionRepository(), lookup, audit, pageTokens, json),
                    responses))
            .add(
                new AuditRoutes(
                    auditRepository, new AuditVerifier(auditRepository), pageTokens, responses));
    return new Routes(table, metrics);
  }

  private static String version() {
    return Optional.ofNullable(RegistryServer.class.getPackage().getImplementationVersion())
        .orElse("dev");
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
        java.util.logging.Logger.getLogger(RegistryServer.class.getName())
            .warning("while stopping: " + e.getMessage());
      }
    }
    resources.clear();
  }
}
