package dev.cairn.sidecar.serving;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.VersionSignature;
import dev.cairn.runtime.LoadedModel;
import dev.cairn.runtime.ModelArtifact;
import dev.cairn.runtime.ModelRuntimes;
import dev.cairn.runtime.RuntimeFailure;
import dev.cairn.runtime.RuntimeRequirement;
import dev.cairn.sidecar.cache.ArtifactCache;
import dev.cairn.sidecar.cache.DigestMismatch;
import dev.cairn.sidecar.config.ModelRef;
import dev.cairn.signing.VerifiedSignature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepares a whole generation beside the one serving: every file verified into the cache, the
 * runtime's compatibility checked, every variant loaded. Any failure closes what was loaded and
 * leaves the serving set untouched.
 */
public final class SetLoader implements SetPreparer {

  private final CairnClient client;
  private final ArtifactCache cache;
  private final ModelRuntimes runtimes;
  private final String project;
  private final String model;
  private final SignatureGate.Check signatures;

  public SetLoader(CairnClient client, ArtifactCache cache, ModelRuntimes runtimes, ModelRef ref) {
    this(client, cache, runtimes, ref, SignatureGate.OFF);
  }

  /** A loader that verifies each version's signature ({@link SignatureGate}) before loading it. */
  public SetLoader(
      CairnClient client,
      ArtifactCache cache,
      ModelRuntimes runtimes,
      ModelRef ref,
      SignatureGate.Check signatures) {
    this.client = client;
    this.cache = cache;
    this.runtimes = runtimes;
    this.project = ref.project();
    this.model = ref.model();
    this.signatures = signatures;
  }

  /** Downloads (or re-verifies cached) files and loads; {@code offline} uses the cache only. */
  @Override
  public ServingSet prepare(TargetSet target, boolean offline) throws SwapFailure {
    Map<String, ServingSet.Served> loaded = new LinkedHashMap<>();
    try {
      for (TargetSet.TargetVariant variant : target.variants().values()) {
        Map<String, Path> files = fetch(variant, offline);
        // After fetch: the digests it verified are the ones the signature must cover.
        VersionSignature signed =
            signatures.check(variant, offline).map(SetLoader::signedBy).orElse(null);
        LoadedModel model = load(variant, files);
        loaded.put(
            variant.variant(),
            new ServingSet.Served(
                variant.version(), variant.digest(), variant.format(), model, signed));
      }
      return new ServingSet(target, loaded, Instant.now());
    } catch (SwapFailure | RuntimeException e) {
      loaded.values().forEach(served -> served.model().close());
      throw e;
    }
  }

  /**
   * Who signed a variant, as {@code /status} and the instance report show it. {@code trusted} stays
   * out: this sidecar's own trust material decided, not the project's current policy.
   */
  private static VersionSignature signedBy(VerifiedSignature verified) {
    return new VersionSignature(
        verified.method().wireName(), verified.signer(), Instant.now(), null);
  }

  private Map<String, Path> fetch(TargetSet.TargetVariant variant, boolean offline)
      throws SwapFailure {
    Map<String, Path> files = new HashMap<>();
    for (TargetSet.TargetFile file : variant.files()) {
      try {
        Path path =
            offline
                ? cache.cached(file.sha256())
                : cache.fetch(file.sha256(), out -> download(variant.version(), file, out));
        files.put(file.path(), path);
      } catch (DigestMismatch e) {
        throw new SwapFailure(
            "CHECKSUM_MISMATCH:" + variant.variant(), file.path() + ": " + e.getMessage(), e);
      } catch (CairnApiException e) {
        // The registry itself refuses bytes that no longer match their pin (and fails the version).
        throw new SwapFailure(
            ("CHECKSUM_MISMATCH".equals(e.code()) ? "CHECKSUM_MISMATCH:" : "DOWNLOAD_FAILED:")
                + variant.variant(),
            file.path() + ": " + e.getMessage(),
            e);
      } catch (IOException | RuntimeException e) {
        throw new SwapFailure(
            "DOWNLOAD_FAILED:" + variant.variant(), file.path() + ": " + e.getMessage(), e);
      }
    }
    return files;
  }

  /**
   * Downloads exactly the declared bytes: a body that runs past the declared size is cut there, one
   * that ends early is refused (both DOWNLOAD_FAILED, retried), before any digest is computed.
   */
  private void download(String version, TargetSet.TargetFile file, OutputStream out)
      throws IOException {
    ExactLength exact = new ExactLength(out, file.sizeBytes());
    try {
      client.versions().download(project, model, version, file.path(), exact);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    exact.requireComplete();
  }

  private LoadedModel load(TargetSet.TargetVariant variant, Map<String, Path> files)
      throws SwapFailure {
    RuntimeRequirement requirement =
        new RuntimeRequirement(
            variant.runtimeName(), variant.runtimeMinVersion(), variant.runtimeOpset());
    try {
      return runtimes.load(
          variant.format(),
          new ModelArtifact(variant.variant(), variant.version(), files, requirement));
    } catch (RuntimeFailure e) {
      throw new SwapFailure(e.code(), e.getMessage(), e);
    }
  }
}
