package dev.cairn.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.ServiceInfo;
import dev.cairn.registry.artifact.FileDownloads;
import dev.cairn.registry.audit.AuditKeys;
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
import dev.cairn.registry.http.routes.WebhookRoutes;
import dev.cairn.registry.integrity.Integrity;
import dev.cairn.registry.oci.OciCatalog;
import dev.cairn.registry.oci.OciRepository;
import dev.cairn.registry.oci.SignatureReferrers;
import dev.cairn.registry.resolve.ResolveCache;
import dev.cairn.registry.service.HealthChecks;
import dev.cairn.registry.service.HttpMetrics;
import dev.cairn.registry.service.Liveness;
import dev.cairn.registry.signature.SignatureRepository;
import dev.cairn.registry.webhook.Webhooks;
import java.util.Optional;

/**
 * Assembles the API by hand: {@link #assemble} starts the event machinery and the integrity checks,
 * adds the service routes, and has {@link ResourceRoutes} build every resource's routes from the
 * named groups every resource shares: {@link Kernel} (database, JSON, journal, paging), {@link
 * Catalog} (repositories and lookups), {@link Artifacts} (store, verifier, completion) and {@link
 * Meters}.
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
      Liveness liveness,
      OciCatalog ociCatalog,
      FileDownloads downloads) {}

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
    Webhooks webhooks = null;
    try {
      EventStreams streams = new EventStreams(feed, eventRepository, settings.sseHeartbeat());
      Meters meters = Meters.create(settings.scrub().bytesPerSecond());
      Kernel kernel = Kernel.create(db, json, feed::committed, settings, meters);
      Catalog catalog = Catalog.create();
      Artifacts artifacts = Artifacts.create(kernel, catalog, meters, blobs, settings);
      ResolveCache resolveCache =
          new ResolveCache(meters.domain(), json, settings.resolveCacheSize());
      feed.subscribe(resolveCache::onEvent);
      ApiRoutes routes =
          new ApiRoutes()
              .add(serviceRoutes(kernel, meters, blobs, settings, source, liveness))
              .add(OpenApiRoutes.load());
      new ResourceRoutes(kernel, catalog, artifacts, meters, settings)
          .addTo(routes, streams, resolveCache);
      // Issue 30: the outbox's worker wakes on every committed event, of any replica.
      webhooks = webhooks(kernel, meters, settings).start();
      routes.add(new WebhookRoutes(webhooks.service(), webhooks.actions(), kernel.responses()));
      feed.subscribe(webhooks::wakeOn);
      Integrity integrity = integrity(kernel, artifacts, meters, settings).start();
      return new Assembly(
          routes,
          meters.http(),
          new RefusalAudit(db, kernel.journal()),
          closing(integrity, webhooks, listener),
          streams::closeAll,
          liveness,
          new OciCatalog(
              kernel.db(),
              catalog.models(),
              catalog.versionRepository(),
              catalog.pointers(),
              new OciRepository(),
              SignatureReferrers.stored(new SignatureRepository())),
          new FileDownloads(artifacts.blobs(), artifacts.references(), artifacts.failures()));
    } catch (RuntimeException | Error e) {
      closeQuietly(webhooks);
      listener.close();
      throw e;
    }
  }

  /** What stops with the server, in order: the scrubber, the webhook worker, the listener. */
  private static AutoCloseable closing(
      Integrity integrity, Webhooks webhooks, PgEventListener listener) {
    return () -> {
      integrity.close();
      webhooks.close();
      listener.close();
    };
  }

  private static void closeQuietly(Webhooks webhooks) {
    if (webhooks != null) {
      try {
        webhooks.close();
      } catch (Exception stopping) {
        // the start failure is what the caller must hear
      }
    }
  }

  private static Webhooks webhooks(Kernel kernel, Meters meters, RegistrySettings settings) {
    return new Webhooks(
        kernel.db(),
        kernel.journal(),
        kernel.json(),
        settings.webhooks(),
        AuditKeys.load(settings.auditKey(), settings.dataDir()),
        meters.webhooks());
  }

  /** The start check, then the scrubber, in one background thread. */
  private static Integrity integrity(
      Kernel kernel, Artifacts artifacts, Meters meters, RegistrySettings settings) {
    return new Integrity(
        kernel.db(),
        artifacts.blobs(),
        new AuditVerifier(kernel.auditRepository(), kernel.keyedFrom()),
        artifacts.failures(),
        settings.scrub(),
        meters.integrity());
  }

  private static ServiceRoutes serviceRoutes(
      Kernel kernel,
      Meters meters,
      BlobStore blobs,
      RegistrySettings settings,
      DataSourceSpec source,
      Liveness liveness) {
    ServiceInfo info =
        new ServiceInfo(
            "cairn-registry",
            version(),
            settings.environment(),
            source.embedded() ? "embedded" : "external",
            blobs.kind(),
            true);
    return new ServiceRoutes(
        info,
        new HealthChecks(kernel.db(), blobs),
        liveness,
        meters.http(),
        kernel.responses(),
        meters.integrity());
  }

  private static String version() {
    return Optional.ofNullable(RegistryApi.class.getPackage().getImplementationVersion())
        .orElse("dev");
  }
}
