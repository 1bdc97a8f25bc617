package dev.cairn.registry.oci;

import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.model.ModelLookup;
import dev.cairn.registry.model.StoredModel;
import dev.cairn.registry.pointer.AliasPointers;
import dev.cairn.registry.version.VersionRepository;
import io.helidon.dbclient.DbExecute;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What the OCI pull API reads: a repository ({@code <project>/<model>}), its tags, a version's
 * ModelPack image by tag or by digest, and a blob by digest (a file of a servable version, or an
 * image's config or manifest bytes). The images are {@link OciImages}' and the referrers of signed
 * versions (a signature's referrer manifest, its bundle and the empty config, served by digest too)
 * {@link ReferrerCache}'s; this class answers the API's questions in one read each.
 */
public final class OciCatalog {

  private static final int MAX_IMAGES = 10_000;

  private final Db db;
  private final ModelLookup models;
  private final VersionRepository versions;
  private final AliasPointers pointers;
  private final OciRepository repository;
  private final OciImages images;
  private final ReferrerCache referrers;

  /** A manifest's bytes and digest: a version's image, or the referrer of its signature. */
  public record Manifest(byte[] bytes, String digest) {}

  /** A blob: a stored file of a version, or bytes of an image (its config or manifest). */
  public sealed interface Blob {
    record File(String version, VersionFile file) implements Blob {}

    record Bytes(byte[] bytes) implements Blob {}
  }

  public OciCatalog(
      Db db,
      ModelLookup models,
      VersionRepository versions,
      AliasPointers pointers,
      OciRepository repository,
      SignatureReferrers signatures) {
    this.db = db;
    this.models = models;
    this.versions = versions;
    this.pointers = pointers;
    this.repository = repository;
    this.images = new OciImages(versions, repository, MAX_IMAGES);
    this.referrers = new ReferrerCache(versions, repository, signatures, images, MAX_IMAGES);
  }

  /** The repository's tags, sorted; NAME_UNKNOWN for a model that does not exist. */
  public List<String> tags(String project, String model) {
    return db.read(exec -> List.copyOf(tagMap(exec, model(exec, project, model)).keySet()));
  }

  /**
   * The manifest {@code reference} names: a tag or digest of a version's image, or the digest of a
   * signature's referrer; MANIFEST_UNKNOWN when none.
   */
  public Manifest manifest(String project, String model, String reference) {
    return db.read(
        exec -> {
          StoredModel m = model(exec, project, model);
          if (OciDigest.looksLikeDigest(reference)) {
            String digest = OciDigest.parse(reference).toString();
            return images
                .byDigest(exec, m, digest, false)
                .map(f -> new Manifest(f.image().manifest(), f.image().digest()))
                .or(
                    () ->
                        referrers
                            .byDigest(exec, m, digest, false)
                            .map(r -> new Manifest(r.manifest(), r.digest())))
                .orElseThrow(() -> OciError.manifestUnknown(project + "/" + model, reference));
          }
          if (!OciTags.isTag(reference)) {
            throw OciError.manifestUnknown(project + "/" + model, "an invalid tag");
          }
          String version = tagMap(exec, m).get(reference);
          if (version == null) {
            throw OciError.manifestUnknown(project + "/" + model, "tag " + reference);
          }
          return images
              .ofVersion(exec, m, version)
              .map(f -> new Manifest(f.image().manifest(), f.image().digest()))
              .orElseThrow(() -> OciError.manifestUnknown(project + "/" + model, reference));
        });
  }

  /** The blob of {@code digest} in this repository; BLOB_UNKNOWN when it holds none. */
  public Blob blob(String project, String model, OciDigest digest) {
    String name = project + "/" + model;
    return db.read(
        exec -> {
          StoredModel m = model(exec, project, model);
          Optional<String> sha256 = digest.sha256();
          if (sha256.isEmpty()) {
            throw OciError.blobUnknown(name, digest.toString());
          }
          Optional<String> holder = repository.fileHolder(exec, m.id(), sha256.get());
          if (holder.isPresent()) {
            Optional<VersionFile> file =
                versions
                    .find(exec, m.id(), m.view().name(), holder.get())
                    .flatMap(
                        v ->
                            v.view().files().stream()
                                .filter(f -> f.sha256().equals(sha256.get()))
                                .findFirst());
            if (file.isPresent()) {
              return new Blob.File(holder.get(), file.get());
            }
          }
          String wanted = digest.toString();
          return images
              .byDigest(exec, m, wanted, true)
              .<Blob>map(
                  f ->
                      new Blob.Bytes(
                          f.image().configDigest().equals(wanted)
                              ? f.image().config()
                              : f.image().manifest()))
              .or(
                  () ->
                      referrers
                          .byDigest(exec, m, wanted, true)
                          .map(r -> new Blob.Bytes(ReferrerCache.blob(r, wanted))))
              .orElseThrow(() -> OciError.blobUnknown(name, wanted));
        });
  }

  /** The referrers of the manifest {@code digest}: none when it names no image here. */
  public List<SignatureReferrer> referrers(String project, String model, OciDigest digest) {
    return db.read(
        exec -> {
          StoredModel m = model(exec, project, model);
          return images
              .byDigest(exec, m, digest.toString(), false)
              .flatMap(f -> referrers.of(exec, f))
              .stream()
              .toList();
        });
  }

  private SortedMap<String, String> tagMap(DbExecute exec, StoredModel m) {
    List<String> servable =
        repository.servable(exec, m.id()).stream().map(OciRepository.Servable::version).toList();
    return OciTags.of(
        servable, pointers.aliasesWithPointers(exec, m.id()), m.view().defaultVariant());
  }

  private StoredModel model(DbExecute exec, String project, String model) {
    try {
      return models.model(exec, project, model);
    } catch (ApiException e) {
      if (e.status() == 404) {
        throw OciError.nameUnknown(project + "/" + model);
      }
      throw e;
    }
  }
}
