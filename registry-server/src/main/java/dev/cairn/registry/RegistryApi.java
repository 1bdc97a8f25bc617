package dev.cairn.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.ServiceInfo;
import dev.cairn.registry.alias.AliasQueries;
import dev.cairn.registry.alias.AliasService;
import dev.cairn.registry.alias.ModelStatusService;
import dev.cairn.registry.alias.ServingCounter;
import dev.cairn.registry.artifact.FilePresence;
import dev.cairn.registry.audit.AuditVerifier;
import dev.cairn.registry.auth.RefusalAudit;
import dev.cairn.registry.blob.BlobStore;
import dev.cairn.registry.config.RegistrySettings;
import dev.cairn.registry.db.DataSourceSpec;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.events.EventFeed;
import dev.cairn.registry.events.EventLog;
import dev.cairn.registry.events.EventRepository;
import dev.cairn.registry.events.EventStreams;
import dev.cairn.registry.events.PgEventListener;
import dev.cairn.registry.http.AliasRoutes;
import dev.cairn.registry.http.ApiRoutes;
import dev.cairn.registry.http.AuditRoutes;
import dev.cairn.registry.http.EventRoutes;
import dev.cairn.registry.http.IdRoutes;
import dev.cairn.registry.http.InstanceRoutes;
import dev.cairn.registry.http.ModelRoutes;
import dev.cairn.registry.http.OpenApiRoutes;
import dev.cairn.registry.http.ProjectRoutes;
import dev.cairn.registry.http.ResolveRoutes;
import dev.cairn.registry.http.ServiceRoutes;
import dev.cairn.registry.http.VersionRoutes;
import dev.cairn.registry.http.WhoAmIRoutes;
import dev.cairn.registry.instance.InstanceService;
import dev.cairn.registry.integrity.Integrity;
import dev.cairn.registry.model.ModelService;
import dev.cairn.registry.project.ProjectRepository;
import dev.cairn.registry.project.ProjectService;
import dev.cairn.registry.resolve.ResolveCache;
import dev.cairn.registry.resolve.ResolveService;
import dev.cairn.registry.service.HealthChecks;
import dev.cairn.registry.service.HttpMetrics;
import dev.cairn.registry.service.Liveness;
import dev.cairn.registry.version.Formats;
import dev.cairn.registry.version.IdLookups;
import dev.cairn.registry.version.ProjectVersions;
import dev.cairn.registry.version.VersionRules;
import dev.cairn.registry.version.VersionService;
import java.util.Optional;

/**
 * Wires repositories, services and route groups by hand into the route table of the API: {@link
 * #assemble} starts the event machinery, then one short factory per resource builds its routes from
 * the shared {@link Wiring}.
 */
final class RegistryApi {

  private RegistryApi() {}

  /** The route table, the metrics its requests feed, and what must stop with the server. */
  record Assembly(
      ApiRoutes routes,
      HttpMetrics metrics,
      RefusalAudit refusals,
      AutoCloseable background,
      Runnable endStreams,
      Liveness liveness) {}

  /**
   * Builds the API. The event listener is the one background thread; it is closed again if any
   * later part of the assembly fails, so a failed start leaks nothing.
   */
  static Assembly assemble(
      RegistrySettings settings, DataSourceSpec source, Db db, BlobStore blobs, ObjectMapper json) {
    EventRepository eventRepository = new EventRepository(db);
    EventFeed feed = new EventFeed(eventRepository);
    feed.start();
    PgEventListener listener =
        new PgEventListener(source, feed, eventRepository, settings.eventRetention());
    listener.start();
    Liveness liveness = new Liveness();
    liveness.register("event_listener", listener::isAlive);
    try {
      EventStreams streams = new EventStreams(feed, eventRepository, settings.sseHeartbeat());
      Wiring w = Wiring.create(db, json, new EventLog(db, feed::committed), blobs, settings);
      ApiRoutes routes = routes(w, settings, source, feed, streams, liveness);
      Integrity integrity = integrity(w, settings).start();
      return new Assembly(
          routes,
          w.metrics(),
          new RefusalAudit(db, w.audit()),
          () -> {
            integrity.close();
            listener.close();
          },
          streams::closeAll,
          liveness);
    } catch (RuntimeException | Error e) {
      listener.close();
      throw e;
    }
  }

  private static ApiRoutes routes(
      Wiring w,
      RegistrySettings settings,
      DataSourceSpec source,
      EventFeed feed,
      EventStreams streams,
      Liveness liveness) {
    ResolveCache resolveCache = new ResolveCache(w.domainMetrics(), w.json());
    feed.subscribe(resolveCache::onEvent);
    AliasQueries aliasQueries =
        new AliasQueries(w.db(), w.models(), w.aliases(), w.pageTokens(), w.pointers());
    VersionService versions =
        new VersionService(
            w.db(),
            w.versionRepository(),
            w.models(),
            w.audit(),
            w.events(),
            w.pointers(),
            w.pageTokens(),
            w.json(),
            new VersionRules(
                new Formats(settings.extraFormats()), settings.maxMetadataBytes(), w.json()));
    ModelService models = modelService(w);
    return new ApiRoutes()
        .add(serviceRoutes(w, settings, source, liveness))
        .add(OpenApiRoutes.load())
        .add(new WhoAmIRoutes(w.responses()))
        .add(projectRoutes(w))
        .add(new ModelRoutes(models, w.responses()))
        .add(idRoutes(w, models, versions))
        .add(
            new VersionRoutes(
                versions,
                new FilePresence(w.blobs()),
                ArtifactWiring.oneShot(w, versions, settings),
                ArtifactWiring.artifactsDir(w, versions),
                w.responses()))
        .add(ArtifactWiring.standardRoutes(w, versions, settings))
        .add(ArtifactWiring.artifactRoutes(w, settings))
        .add(aliasRoutes(w, aliasQueries))
        .add(
            new InstanceRoutes(
                new InstanceService(
                    w.db(),
                    w.models(),
                    w.instances(),
                    w.pointers(),
                    w.versionRepository(),
                    w.events(),
                    w.json()),
                w.responses()))
        .add(new EventRoutes(streams, w.db(), w.models()))
        .add(
            new ResolveRoutes(
                new ResolveService(
                    w.db(),
                    w.models(),
                    w.versionRepository(),
                    aliasQueries,
                    new FilePresence(w.blobs()),
                    w.verifier(),
                    resolveCache),
                w.responses()))
        .add(
            new AuditRoutes(
                w.auditRepository(),
                new AuditVerifier(w.auditRepository(), w.keyedFrom()),
                w.pageTokens(),
                w.responses()));
  }

  /** The start check, then the scrubber, in one background thread. */
  private static Integrity integrity(Wiring w, RegistrySettings settings) {
    return new Integrity(
        w.db(),
        w.blobs(),
        new AuditVerifier(w.auditRepository(), w.keyedFrom()),
        w.failures(),
        settings.scrub(),
        w.integrity());
  }

  private static ServiceRoutes serviceRoutes(
      Wiring w, RegistrySettings settings, DataSourceSpec source, Liveness liveness) {
    ServiceInfo info =
        new ServiceInfo(
            "cairn-registry",
            version(),
            settings.environment(),
            source.embedded() ? "embedded" : "external",
            w.blobs().kind(),
            true);
    return new ServiceRoutes(
        info,
        new HealthChecks(w.db(), w.blobs()),
        liveness,
        w.metrics(),
        w.responses(),
        w.integrity());
  }

  private static ProjectRoutes projectRoutes(Wiring w) {
    return new ProjectRoutes(
        new ProjectService(w.db(), new ProjectRepository(), w.audit(), w.pageTokens(), w.json()),
        w.responses());
  }

  private static ModelService modelService(Wiring w) {
    return new ModelService(
        w.db(),
        w.modelRepository(),
        w.models(),
        w.audit(),
        w.events(),
        w.pointers(),
        w.pageTokens(),
        w.json());
  }

  private static IdRoutes idRoutes(Wiring w, ModelService models, VersionService versions) {
    return new IdRoutes(
        new IdLookups(w.db()),
        models,
        versions,
        new FilePresence(w.blobs()),
        new ProjectVersions(
            w.db(), w.versionRepository(), w.models(), w.pointers(), w.pageTokens()),
        w.responses());
  }

  private static AliasRoutes aliasRoutes(Wiring w, AliasQueries aliasQueries) {
    return new AliasRoutes(
        new AliasService(
            w.db(),
            w.models(),
            w.versionRepository(),
            w.aliases(),
            w.audit(),
            w.events(),
            w.json()),
        aliasQueries,
        new ModelStatusService(w.db(), w.models(), w.aliases(), new ServingCounter(w.instances())),
        w.responses());
  }

  private static String version() {
    return Optional.ofNullable(RegistryApi.class.getPackage().getImplementationVersion())
        .orElse("dev");
  }
}
