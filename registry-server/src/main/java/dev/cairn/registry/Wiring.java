package dev.cairn.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.registry.alias.AliasRepository;
import dev.cairn.registry.artifact.BlobCollector;
import dev.cairn.registry.artifact.ChecksumFailures;
import dev.cairn.registry.artifact.CompletionService;
import dev.cairn.registry.artifact.FormatValidations;
import dev.cairn.registry.artifact.ReferenceFetcher;
import dev.cairn.registry.artifact.VerifyService;
import dev.cairn.registry.audit.AuditChain;
import dev.cairn.registry.audit.AuditKeys;
import dev.cairn.registry.audit.AuditRepository;
import dev.cairn.registry.audit.KeyedFrom;
import dev.cairn.registry.blob.BlobStore;
import dev.cairn.registry.blob.BlobStores;
import dev.cairn.registry.config.RegistrySettings;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.events.StoredEvent;
import dev.cairn.registry.http.request.Responses;
import dev.cairn.registry.instance.InstanceRepository;
import dev.cairn.registry.integrity.IntegrityStatus;
import dev.cairn.registry.journal.Journal;
import dev.cairn.registry.metrics.DomainMetrics;
import dev.cairn.registry.metrics.Metrics;
import dev.cairn.registry.model.ModelLookup;
import dev.cairn.registry.model.ModelRepository;
import dev.cairn.registry.paging.PageTokens;
import dev.cairn.registry.paging.ServerSecrets;
import dev.cairn.registry.pointer.AliasPointers;
import dev.cairn.registry.project.ProjectRepository;
import dev.cairn.registry.runtime.LoadValidation;
import dev.cairn.registry.runtime.StandardValidation;
import dev.cairn.registry.runtime.VersionBytes;
import dev.cairn.registry.service.HttpMetrics;
import dev.cairn.registry.version.VersionLookup;
import dev.cairn.registry.version.VersionRepository;
import dev.cairn.runtime.ModelRuntimes;
import dev.cairn.runtime.colorsignature.StdModel;
import dev.cairn.runtime.onnx.OnnxSettings;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the wiring of every resource shares, built once: the database and JSON, the journal (audit
 * log and event log together), the repositories and lookups several resources read, and the
 * artifact machinery (references, verification, validation, completion, blob collection) that
 * versions, uploads and standards all use. Each resource's factory in {@link RegistryApi} takes
 * what it needs from here, so no factory passes ten arguments along.
 */
record Wiring(
    Db db,
    ObjectMapper json,
    Responses responses,
    HttpMetrics metrics,
    DomainMetrics domainMetrics,
    IntegrityStatus integrity,
    PageTokens pageTokens,
    Journal journal,
    AuditRepository auditRepository,
    KeyedFrom keyedFrom,
    BlobStore blobs,
    ModelRepository modelRepository,
    VersionRepository versionRepository,
    ModelLookup models,
    VersionLookup versions,
    AliasRepository aliases,
    AliasPointers pointers,
    InstanceRepository instances,
    BlobCollector collector,
    ReferenceFetcher references,
    ChecksumFailures failures,
    VerifyService verifier,
    FormatValidations validations,
    CompletionService completion) {

  static Wiring create(
      Db db,
      ObjectMapper json,
      Consumer<StoredEvent> deliverLocally,
      BlobStore blobs,
      RegistrySettings settings) {
    KeyedFrom keyedFrom =
        new KeyedFrom(
            db, AuditChain.keyed(AuditKeys.load(settings.auditKey(), settings.dataDir())));
    keyedFrom.recordAndCheck();
    Metrics registry = new Metrics();
    DomainMetrics domainMetrics = new DomainMetrics(registry);
    Journal journal = new Journal(keyedFrom.chain(), db, domainMetrics::audited, deliverLocally);
    ModelRepository modelRepository = new ModelRepository();
    VersionRepository versionRepository = new VersionRepository();
    ModelLookup models = new ModelLookup(new ProjectRepository(), modelRepository);
    VersionLookup versions = new VersionLookup(models, versionRepository);
    ReferenceFetcher references =
        new ReferenceFetcher(
            settings.references(), memoized(() -> BlobStores.client(settings.blobs())));
    FormatValidations validations = runtimeValidations(new VersionBytes(blobs, references));
    ChecksumFailures failures = new ChecksumFailures(db, versions, journal, json);
    return new Wiring(
        db,
        json,
        new Responses(json),
        new HttpMetrics(registry),
        domainMetrics,
        new IntegrityStatus(registry, settings.scrub().bytesPerSecond()),
        new PageTokens(new ServerSecrets(db).get("page-token-key")),
        journal,
        new AuditRepository(db),
        keyedFrom,
        blobs,
        modelRepository,
        versionRepository,
        models,
        versions,
        new AliasRepository(),
        new AliasPointers(),
        new InstanceRepository(),
        new BlobCollector(db, blobs),
        references,
        failures,
        new VerifyService(db, blobs, versions, failures, references),
        validations,
        new CompletionService(db, versions, journal, validations, references, json, domainMetrics));
  }

  /** Builds the value on first use only (an S3 client is needed only for s3:// references). */
  private static <T> Supplier<T> memoized(Supplier<T> make) {
    return new Supplier<>() {
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
