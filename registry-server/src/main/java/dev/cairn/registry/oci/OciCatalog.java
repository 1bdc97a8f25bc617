package dev.cairn.registry.oci;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.db.Db;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.model.ModelLookup;
import dev.cairn.registry.model.StoredModel;
import dev.cairn.registry.pointer.AliasPointers;
import dev.cairn.registry.signature.StoredSignature;
import dev.cairn.registry.version.StoredVersion;
import dev.cairn.registry.version.VersionRepository;
import io.helidon.dbclient.DbExecute;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;

/**
 * What the OCI pull API reads: a repository ({@code <project>/<model>}), its tags, a version's
 * ModelPack image by tag or by digest, and a blob by digest (a file of a servable version, or an
 * image's config or manifest bytes). Rendered images are kept by version id: a version's content
 * never changes, so neither do its bytes. A digest that no cached image has costs one listing of
 * the model's servable versions and renders only those not seen yet; one that no image has either
 * costs one more query, of the signatures of those versions (a signature's referrer manifest, its
 * bundle and the empty config are served by digest too).
 */
public final class OciCatalog {

  private static final int MAX_IMAGES = 10_000;

  private final Db db;
  private final ModelLookup models;
  private final VersionRepository versions;
  private final AliasPointers pointers;
  private final OciRepository repository;
  private final SignatureReferrers signatures;
  private final Cache<UUID, ModelPack.Image> images =
      Caffeine.newBuilder().maximumSize(MAX_IMAGES).build();
  // A signature is inserted once and never updated, so its referrer is kept like an image.
  private final Cache<UUID, SignatureReferrer> referrers =
      Caffeine.newBuilder().maximumSize(MAX_IMAGES).build();

  /** A version's image, with what it was rendered from. */
  public record Found(StoredModel model, StoredVersion version, ModelPack.Image image) {}

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
    this.signatures = signatures;
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
            return byDigest(exec, m, digest, false)
                .map(f -> new Manifest(f.image().manifest(), f.image().digest()))
                .or(
                    () ->
                        referrerByDigest(exec, m, digest, false)
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
          return found(exec, m, version)
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
          return byDigest(exec, m, wanted, true)
              .<Blob>map(
                  f ->
                      new Blob.Bytes(
                          f.image().configDigest().equals(wanted)
                              ? f.image().config()
                              : f.image().manifest()))
              .or(
                  () ->
                      referrerByDigest(exec, m, wanted, true)
                          .map(r -> new Blob.Bytes(referrerBlob(r, wanted))))
              .orElseThrow(() -> OciError.blobUnknown(name, wanted));
        });
  }

  /** The referrers of the manifest {@code digest}: none when it names no image here. */
  public List<SignatureReferrer> referrers(String project, String model, OciDigest digest) {
    return db.read(
        exec -> {
          StoredModel m = model(exec, project, model);
          return byDigest(exec, m, digest.toString(), false)
              .flatMap(
                  f ->
                      Optional.ofNullable(
                              signatures.of(exec, List.of(f.version().id())).get(f.version().id()))
                          .map(s -> referrer(s, f.image())))
              .stream()
              .toList();
        });
  }

  /**
   * The referrer of a servable version's signature whose manifest (or, with {@code blobsToo}, its
   * bundle or the empty config) has {@code digest}.
   */
  private Optional<SignatureReferrer> referrerByDigest(
      DbExecute exec, StoredModel m, String digest, boolean blobsToo) {
    List<OciRepository.Servable> servable = repository.servable(exec, m.id());
    Map<UUID, StoredSignature> signed =
        signatures.of(exec, servable.stream().map(OciRepository.Servable::id).toList());
    for (OciRepository.Servable s : servable) {
      StoredSignature signature = signed.get(s.id());
      if (signature == null) {
        continue;
      }
      SignatureReferrer cached = referrers.getIfPresent(s.id());
      if (cached != null && !matches(cached, digest, blobsToo)) {
        continue;
      }
      Optional<SignatureReferrer> r =
          versions
              .find(exec, m.id(), m.view().name(), s.version())
              .map(v -> referrer(signature, image(m, v)));
      if (r.isPresent() && matches(r.get(), digest, blobsToo)) {
        return r;
      }
    }
    return Optional.empty();
  }

  private static boolean matches(SignatureReferrer r, String digest, boolean blobsToo) {
    return r.digest().equals(digest)
        || (blobsToo
            && (r.bundleDigest().equals(digest) || SignatureReferrer.EMPTY_DIGEST.equals(digest)));
  }

  private static byte[] referrerBlob(SignatureReferrer r, String digest) {
    if (r.bundleDigest().equals(digest)) {
      return r.bundle();
    }
    return SignatureReferrer.EMPTY_DIGEST.equals(digest)
        ? SignatureReferrer.emptyConfig()
        : r.manifest();
  }

  private SignatureReferrer referrer(StoredSignature signature, ModelPack.Image image) {
    return referrers.get(signature.versionId(), id -> SignatureReferrer.render(signature, image));
  }

  private SortedMap<String, String> tagMap(DbExecute exec, StoredModel m) {
    List<String> servable =
        repository.servable(exec, m.id()).stream().map(OciRepository.Servable::version).toList();
    return OciTags.of(
        servable, pointers.aliasesWithPointers(exec, m.id()), m.view().defaultVariant());
  }

  private Optional<Found> found(DbExecute exec, StoredModel m, String version) {
    if (!repository.isServable(exec, m.id(), version)) {
      return Optional.empty();
    }
    return versions
        .find(exec, m.id(), m.view().name(), version)
        .map(v -> new Found(m, v, image(m, v)));
  }

  /**
   * The servable version whose manifest (or, with {@code configToo}, config) has {@code digest}.
   */
  private Optional<Found> byDigest(
      DbExecute exec, StoredModel m, String digest, boolean configToo) {
    for (OciRepository.Servable s : repository.servable(exec, m.id())) {
      ModelPack.Image cached = images.getIfPresent(s.id());
      if (cached != null && !matches(cached, digest, configToo)) {
        continue;
      }
      Optional<StoredVersion> v = versions.find(exec, m.id(), m.view().name(), s.version());
      if (v.isEmpty()) {
        continue;
      }
      ModelPack.Image image = image(m, v.get());
      if (matches(image, digest, configToo)) {
        return Optional.of(new Found(m, v.get(), image));
      }
    }
    return Optional.empty();
  }

  private static boolean matches(ModelPack.Image image, String digest, boolean configToo) {
    return image.digest().equals(digest) || (configToo && image.configDigest().equals(digest));
  }

  private ModelPack.Image image(StoredModel m, StoredVersion v) {
    return images.get(v.id(), id -> render(m, v.view()));
  }

  private static ModelPack.Image render(StoredModel m, Version v) {
    return ModelPack.render(m.view().project(), m.view().name(), v);
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
