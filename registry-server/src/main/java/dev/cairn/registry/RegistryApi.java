package dev.cairn.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.ServiceInfo;
import dev.cairn.registry.alias.AliasQueries;
import dev.cairn.registry.alias.AliasRepository;
import dev.cairn.registry.alias.AliasService;
import dev.cairn.registry.alias.ModelStatusService;
import dev.cairn.registry.alias.ServingCounter;
import dev.cairn.registry.artifact.BlobCollector;
import dev.cairn.registry.artifact.CompletionService;
import dev.cairn.registry.artifact.FormatValidations;
import dev.cairn.registry.artifact.LocalFilePublisher;
import dev.cairn.registry.artifact.OneShotPublisher;
import dev.cairn.registry.artifact.ReferenceFetcher;
import dev.cairn.registry.artifact.UploadService;
import dev.cairn.registry.artifact.ValidateService;
import dev.cairn.registry.artifact.VerifyService;
import dev.cairn.registry.artifact.VersionDeletion;
import dev.cairn.registry.audit.AuditLog;
import dev.cairn.registry.audit.AuditRepository;
import dev.cairn.registry.audit.AuditVerifier;
import dev.cairn.registry.auth.RefusalAudit;
import dev.cairn.registry.blob.BlobStore;
import dev.cairn.registry.blob.BlobStores;
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
import dev.cairn.registry.http.ArtifactRoutes;
import dev.cairn.registry.http.AuditRoutes;
import dev.cairn.registry.http.EventRoutes;
import dev.cairn.registry.http.InstanceRoutes;
import dev.cairn.registry.http.ModelRoutes;
import dev.cairn.registry.http.OpenApiRoutes;
import dev.cairn.registry.http.ProjectRoutes;
import dev.cairn.registry.http.ResolveRoutes;
import dev.cairn.registry.http.Responses;
import dev.cairn.registry.http.ServiceRoutes;
import dev.cairn.registry.http.StdRegistrationRoutes;
import dev.cairn.registry.http.VersionRoutes;
import dev.cairn.registry.instance.InstanceRepository;
import dev.cairn.registry.instance.InstanceService;
import dev.cairn.registry.model.ModelLookup;
import dev.cairn.registry.model.ModelRepository;
import dev.cairn.registry.model.ModelService;
import dev.cairn.registry.paging.PageTokens;
import dev.cairn.registry.paging.ServerSecrets;
import dev.cairn.registry.pointer.AliasPointers;
import dev.cairn.registry.project.ProjectRepository;
import dev.cairn.registry.project.ProjectService;
import dev.cairn.registry.resolve.ResolveCache;
import dev.cairn.registry.resolve.ResolveService;
import dev.cairn.registry.runtime.LoadValidation;
import dev.cairn.registry.runtime.StandardValidation;
import dev.cairn.registry.runtime.VersionBytes;
import dev.cairn.registry.service.HealthChecks;
import dev.cairn.registry.service.HttpMetrics;
import dev.cairn.registry.standard.StdRegistrationService;
import dev.cairn.registry.version.VersionLookup;
import dev.cairn.registry.version.VersionRepository;
import dev.cairn.registry.version.VersionService;
import dev.cairn.runtime.ModelRuntimes;
import dev.cairn.runtime.colorsignature.StdModel;
import dev.cairn.runtime.onnx.OnnxSettings;
import java.util.Map;
import java.util.Optional;

/** Wires repositories, services and route groups by hand into the route table of the API. */
final class RegistryApi {

  private RegistryApi() {}

  /** The route table, the metrics its requests feed, and what must stop with the server. */
  record Assembly(
      ApiRoutes routes,
      HttpMetrics metrics,
      RefusalAudit refusals,
      AutoCloseable background,
      Runnable endStreams) {}

  static Assembly assemble(
      RegistrySettings settings, DataSourceSpec source, Db db, BlobStore blobs, ObjectMapper json) {
    Responses responses = new Responses(json);
    HttpMetrics metrics = new HttpMetrics();
    PageTokens pageTokens = new PageTokens(new ServerSecrets(db).get("page-token-key"));
    AuditLog audit = new AuditLog();
    EventLog events = new EventLog();
    AuditRepository auditRepository = new AuditRepository(db);
    ProjectRepository projects = new ProjectRepository();
    ModelRepository models = new ModelRepository();
    VersionRepository versionRepository = new VersionRepository();
    ModelLookup modelLookup = new ModelLookup(projects, models);
    VersionLookup versionLookup = new VersionLookup(modelLookup, versionRepository);
    BlobCollector collector = new BlobCollector(db, blobs);
    AliasRepository aliasRepository = new AliasRepository();
    AliasPointers pointers = new AliasPointers();
    EventRepository eventRepository = new EventRepository(db);
    EventFeed feed = new EventFeed(eventRepository);
    feed.start();
    db.afterCommit(
        () -> {
          if (EventLog.takePending()) {
            feed.catchUp();
          }
        });
    PgEventListener listener =
        new PgEventListener(source, feed, eventRepository, settings.eventRetention());
    listener.start();
    EventStreams streams = new EventStreams(feed, eventRepository, settings.sseHeartbeat());
    ResolveCache resolveCache = new ResolveCache();
    feed.subscribe(resolveCache::onEvent);
    AliasQueries aliasQueries = new AliasQueries(db, modelLookup, aliasRepository, pageTokens);
    ReferenceFetcher references =
        new ReferenceFetcher(
            settings.references(), memoized(() -> BlobStores.client(settings.blobs())));
    VerifyService verifier =
        new VerifyService(db, blobs, versionLookup, audit, events, references, json);
    FormatValidations validations = runtimeValidations(new VersionBytes(blobs, references));
    InstanceRepository instanceRepository = new InstanceRepository();
    ServiceInfo info =
        new ServiceInfo(
            "cairn-registry",
            version(),
            settings.environment(),
            source.embedded() ? "embedded" : "external",
            blobs.kind(),
            true);

    VersionService versionService =
        new VersionService(
            db, versionRepository, modelLookup, audit, events, pointers, pageTokens, json);
    CompletionService completion =
        new CompletionService(db, versionLookup, audit, events, validations, references, json);
    OneShotPublisher oneShot =
        new OneShotPublisher(
            db,
            blobs,
            versionService,
            versionLookup,
            completion,
            collector,
            json,
            settings.blobs().maxFileBytes(),
            settings.maxJsonBytes());
    ApiRoutes routes =
        new ApiRoutes()
            .add(new ServiceRoutes(info, new HealthChecks(db, blobs), metrics, responses))
            .add(OpenApiRoutes.load())
            .add(
                new ProjectRoutes(
                    new ProjectService(db, projects, audit, pageTokens, json), responses))
            .add(
                new ModelRoutes(
                    new ModelService(
                        db, models, modelLookup, audit, events, pointers, pageTokens, json),
                    responses))
            .add(new VersionRoutes(versionService, oneShot, responses))
            .add(
                new StdRegistrationRoutes(
                    new StdRegistrationService(
                        db,
                        modelLookup,
                        new LocalFilePublisher(
                            db, blobs, versionService, versionLookup, completion, collector),
                        settings.blobs().maxFileBytes()),
                    responses))
            .add(
                new ArtifactRoutes(
                    new UploadService(
                        db,
                        blobs,
                        versionLookup,
                        audit,
                        collector,
                        settings.blobs().maxFileBytes()),
                    completion,
                    verifier,
                    new ValidateService(db, versionLookup, verifier, validations, audit, json),
                    new VersionDeletion(
                        db, modelLookup, versionLookup, pointers, audit, events, collector, json),
                    db,
                    versionLookup,
                    blobs,
                    references,
                    responses))
            .add(
                new AliasRoutes(
                    new AliasService(
                        db, modelLookup, versionRepository, aliasRepository, audit, events, json),
                    aliasQueries,
                    new ModelStatusService(
                        db, modelLookup, aliasRepository, new ServingCounter(instanceRepository)),
                    responses))
            .add(
                new InstanceRoutes(
                    new InstanceService(db, modelLookup, instanceRepository, events, json),
                    responses))
            .add(new EventRoutes(streams, db, modelLookup))
            .add(
                new ResolveRoutes(
                    new ResolveService(
                        db, modelLookup, versionRepository, aliasQueries, verifier, resolveCache),
                    responses))
            .add(
                new AuditRoutes(
                    auditRepository, new AuditVerifier(auditRepository), pageTokens, responses));
    return new Assembly(routes, metrics, new RefusalAudit(db, audit), listener, streams::closeAll);
  }

  /** Builds the value on first use only (an S3 client is needed only for s3:// references). */
  private static <T> java.util.function.Supplier<T> memoized(java.util.function.Supplier<T> make) {
    return new java.util.function.Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = make.get();
        }
        return value;
      }
    };
  }

  private static String version() {
    return Optional.ofNullable(RegistryApi.class.getPackage().getImplementationVersion())
        .orElse("dev");
  }

  /** ONNX versions must load; colour-signature standards are rebuilt from their STD images. */
  private static FormatValidations runtimeValidations(VersionBytes bytes) {
    ModelRuntimes runtimes = ModelRuntimes.standard(OnnxSettings.DEFAULTS);
    return new FormatValidations(
        Map.of(
            "onnx",
            new LoadValidation(runtimes, bytes),
            StdModel.ENGINE,
            new StandardValidation(runtimes, bytes)));
  }
}
