package dev.cairn.registry;

import dev.cairn.registry.artifact.BlobCollector;
import dev.cairn.registry.artifact.ChecksumFailures;
import dev.cairn.registry.artifact.CompletionService;
import dev.cairn.registry.artifact.FormatValidations;
import dev.cairn.registry.artifact.ReferenceFetcher;
import dev.cairn.registry.artifact.VerifyService;
import dev.cairn.registry.blob.BlobStore;
import dev.cairn.registry.blob.BlobStores;
import dev.cairn.registry.config.RegistrySettings;
import dev.cairn.registry.runtime.LoadValidation;
import dev.cairn.registry.runtime.StandardValidation;
import dev.cairn.registry.runtime.VersionBytes;
import dev.cairn.runtime.ModelRuntimes;
import dev.cairn.runtime.colorsignature.StdModel;
import dev.cairn.runtime.onnx.OnnxSettings;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The artifact machinery versions, uploads and standards all use: the blob store and its collector,
 * references, checksum failures, verification, format validation and completion.
 */
record Artifacts(
    BlobStore blobs,
    BlobCollector collector,
    ReferenceFetcher references,
    ChecksumFailures failures,
    VerifyService verifier,
    FormatValidations validations,
    CompletionService completion) {

  static Artifacts create(
      Kernel kernel, Catalog catalog, Meters meters, BlobStore blobs, RegistrySettings settings) {
    ReferenceFetcher references =
        new ReferenceFetcher(
            settings.references(), memoized(() -> BlobStores.client(settings.blobs())));
    FormatValidations validations = runtimeValidations(new VersionBytes(blobs, references));
    ChecksumFailures failures =
        new ChecksumFailures(kernel.db(), catalog.versions(), kernel.journal(), kernel.json());
    return new Artifacts(
        blobs,
        new BlobCollector(kernel.db(), blobs),
        references,
        failures,
        new VerifyService(kernel.db(), blobs, catalog.versions(), failures, references),
        validations,
        new CompletionService(
            kernel.db(),
            catalog.versions(),
            kernel.journal(),
            validations,
            references,
            kernel.json(),
            meters.domain()));
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
