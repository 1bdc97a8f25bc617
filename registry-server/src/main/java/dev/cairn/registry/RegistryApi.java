package dev.cairn.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.ServiceInfo;
import dev.cairn.registry.audit.AuditVerifier;
import dev.cairn.registry.auth.RefusalAudit;
import dev.cairn.registry.blob.BlobStore;
import dev.cairn.registry.config.RegistrySettings;
import dev.cairn.registry.db.DataSourceSpec;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.events.EventFeed;
import dev.cairn.registry.events.EventRepository;
import dev.cairn.registry.events.EventStreams;
import dev.cairn.registry.events.PgEventListener;
import dev.cairn.registry.http.routes.ApiRoutes;
import dev.cairn.registry.http.routes.OpenApiRoutes;
import dev.cairn.registry.http.routes.ServiceRoutes;
import dev.cairn.registry.integrity.Integrity;
import dev.cairn.registry.resolve.ResolveCache;
import dev.cairn.registry.service.HealthChecks;
import dev.cairn.registry.service.HttpMetrics;
import dev.cairn.registry.service.Liveness;
import java.util.Optional;

/**
 * Assembles the API by hand: {@link #assemble} starts the event machinery and the integrity checks,
 * adds the service routes, and has {@link ResourceRoutes} build every resource's routes from the
 * shared {@link Wiring}.
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
      Wiring w = Wiring.create(db, json, feed::committed, blobs, settings);
      ApiRoutes routes = routes(w, settings, source, feed, streams, liveness);
      Integrity integrity = integrity(w, settings).start();
      return new Assembly(
          routes,
          w.metrics(),
          new RefusalAudit(db, w.journal()),
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
    ResolveCache resolveCache =
        new ResolveCache(w.domainMetrics(), w.json(), settings.resolveCacheSize());
    feed.subscribe(resolveCache::onEvent);
    ApiRoutes routes =
        new ApiRoutes().add(serviceRoutes(w, settings, source, liveness)).add(OpenApiRoutes.load());
    return ResourceRoutes.addTo(routes, w, settings, streams, resolveCache);
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

  private static String version() {
    return Optional.ofNullable(RegistryApi.class.getPackage().getImplementationVersion())
        .orElse("dev");
  }
}
