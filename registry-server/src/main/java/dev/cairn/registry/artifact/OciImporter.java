package dev.cairn.registry.artifact;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.client.model.VersionImport;
import dev.cairn.registry.audit.Actor;
import dev.cairn.registry.blob.BlobStore;
import dev.cairn.registry.blob.BlobTooLargeException;
import dev.cairn.registry.blob.Sha256;
import dev.cairn.registry.blob.StagedBlob;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.JsonLimits;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code POST …/versions} with {@code source: oci://…}: imports a ModelPack artifact from an OCI
 * registry into a new version. The manifest is read (bounded, its digest checked when the source
 * names one), every raw layer is streamed into staging and held to the layer's digest and size, and
 * only then does {@link UploadedVersions} write the version in one transaction (facts → decide →
 * journal, as the one-shot upload). Any refusal or fetch failure keeps nothing: no row, no event,
 * no blob (staged bytes are dropped, never committed). The version's provenance records the source
 * and the manifest digest.
 */
public final class OciImporter {

  private static final Logger LOG = Logger.getLogger(OciImporter.class.getName());

  /** The distribution spec's advice to registries: accept manifests of at least 4 MiB. */
  static final int MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

  private final ReferenceFetcher references;
  private final BlobStore blobs;
  private final UploadedVersions uploads;
  private final ObjectMapper json;
  private final long maxFileBytes;

  public OciImporter(
      ReferenceFetcher references,
      BlobStore blobs,
      UploadedVersions uploads,
      ObjectMapper json,
      long maxFileBytes) {
    this.references = references;
    this.blobs = blobs;
    this.uploads = uploads;
    this.json = JsonLimits.forRequests(json);
    this.maxFileBytes = maxFileBytes;
  }

  public Version publish(Actor actor, String project, String model, VersionImport request) {
    OciSource source = OciSource.parse(request.source());
    if (source.scheme().equals("http") && !references.allowsHttp()) {
      throw ApiException.badRequest("plain http sources are turned off (oci+http://)");
    }
    return uploads.timed("oci_import", () -> importTimed(actor, project, model, request, source));
  }

  private Version importTimed(
      Actor actor, String project, String model, VersionImport request, OciSource source) {
    OciPuller puller =
        new OciPuller(
            references.http(),
            json,
            source,
            Optional.ofNullable(request.sourceCredentials()),
            references.allowsHttp());
    byte[] manifest = manifest(puller, source);
    String manifestDigest =
        "sha256:" + HexFormat.of().formatHex(Sha256.newDigest().digest(manifest));
    if (source.byDigest() && !manifestDigest.equals(source.reference())) {
      throw DigestChecks.mismatch("the manifest at " + source + " does not match its digest")
          .with("actual", manifestDigest);
    }
    List<ModelPackManifest.Layer> layers = ModelPackManifest.layers(json, manifest, maxFileBytes);
    try (StagedFiles staged = new StagedFiles()) {
      for (ModelPackManifest.Layer layer : layers) {
        stage(puller, source, layer, staged);
      }
      return uploads.publish(
          actor,
          project,
          model,
          create(request, source, manifestDigest),
          staged,
          // An imported artifact's signature, if any, is a referrer in its source registry; it is
          // not fetched here, so the version starts unsigned and can be signed with PUT
          // …/signature.
          Optional.empty());
    }
  }

  private static byte[] manifest(OciPuller puller, OciSource source) {
    try {
      return puller.manifest(MAX_MANIFEST_BYTES);
    } catch (OciPuller.ManifestTooLargeException e) {
      throw new ApiException(
          422,
          "OCI_MANIFEST_TOO_LARGE",
          "the manifest is larger than " + MAX_MANIFEST_BYTES + " bytes");
    } catch (IOException e) {
      throw unavailable(source, e);
    }
  }

  private void stage(
      OciPuller puller, OciSource source, ModelPackManifest.Layer layer, StagedFiles staged) {
    try (InputStream in = puller.blob(layer.digest())) {
      StagedBlob blob = staged.add(layer.path(), blobs.stage(in, layer.size()));
      DigestChecks.requireMatch(layer.path(), layer.sha256(), layer.size(), blob);
    } catch (BlobTooLargeException e) {
      throw DigestChecks.mismatch("'" + layer.path() + "' is larger than its layer says");
    } catch (IOException e) {
      throw unavailable(source, e);
    }
  }

  private static VersionCreate create(
      VersionImport request, OciSource source, String manifestDigest) {
    return new VersionCreate(
        request.version(),
        request.variant(),
        request.format() == null ? "generic" : request.format(),
        null,
        null,
        Map.of("oci_source", source.toString(), "oci_manifest_digest", manifestDigest),
        null,
        request.labels(),
        request.notes(),
        request.description());
  }

  /** One answer for every failure to reach the source; the log has the cause (no credentials). */
  private static ApiException unavailable(OciSource source, IOException e) {
    LOG.warning("OCI import from " + source + ": " + e);
    return new ApiException(
        422, "SOURCE_UNAVAILABLE", "the OCI source " + source + " could not be fetched");
  }
}
