package dev.cairn.registry.oci;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cairn.registry.model.StoredModel;
import dev.cairn.registry.signature.StoredSignature;
import dev.cairn.registry.version.VersionRepository;
import io.helidon.dbclient.DbExecute;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The OCI referrers of a model's signed servable versions (a signature's referrer manifest, its
 * bundle and the empty config), found by the subject's image or by their own digest. A signature is
 * inserted once and never updated, so its referrer is kept by version id like an image; a digest no
 * cached referrer has costs one query of the signatures of the servable versions.
 */
final class ReferrerCache {

  private final VersionRepository versions;
  private final OciRepository repository;
  private final SignatureReferrers signatures;
  private final OciImages images;
  private final Cache<UUID, SignatureReferrer> referrers;

  ReferrerCache(
      VersionRepository versions,
      OciRepository repository,
      SignatureReferrers signatures,
      OciImages images,
      int maxReferrers) {
    this.versions = versions;
    this.repository = repository;
    this.signatures = signatures;
    this.images = images;
    this.referrers = Caffeine.newBuilder().maximumSize(maxReferrers).build();
  }

  /** The referrer of {@code subject}'s signature, when its version is signed. */
  Optional<SignatureReferrer> of(DbExecute exec, OciImages.Found subject) {
    UUID id = subject.version().id();
    return Optional.ofNullable(signatures.of(exec, List.of(id)).get(id))
        .map(s -> referrer(s, subject.image()));
  }

  /**
   * The referrer of a servable version's signature whose manifest (or, with {@code blobsToo}, its
   * bundle or the empty config) has {@code digest}.
   */
  Optional<SignatureReferrer> byDigest(
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
              .map(v -> referrer(signature, images.image(m, v)));
      if (r.isPresent() && matches(r.get(), digest, blobsToo)) {
        return r;
      }
    }
    return Optional.empty();
  }

  /** The bytes of {@code r} that have {@code digest}: its bundle, the empty config or manifest. */
  static byte[] blob(SignatureReferrer r, String digest) {
    if (r.bundleDigest().equals(digest)) {
      return r.bundle();
    }
    return SignatureReferrer.EMPTY_DIGEST.equals(digest)
        ? SignatureReferrer.emptyConfig()
        : r.manifest();
  }

  private static boolean matches(SignatureReferrer r, String digest, boolean blobsToo) {
    return r.digest().equals(digest)
        || (blobsToo
            && (r.bundleDigest().equals(digest) || SignatureReferrer.EMPTY_DIGEST.equals(digest)));
  }

  private SignatureReferrer referrer(StoredSignature signature, ModelPack.Image image) {
    return referrers.get(signature.versionId(), id -> SignatureReferrer.render(signature, image));
  }
}
