package dev.cairn.registry.oci;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cairn.registry.model.StoredModel;
import dev.cairn.registry.version.StoredVersion;
import dev.cairn.registry.version.VersionRepository;
import io.helidon.dbclient.DbExecute;
import java.util.Optional;
import java.util.UUID;

/**
 * The ModelPack images of a model's servable versions, found by version or by digest. Rendered
 * images are kept by version id: a version's content never changes, so neither do its bytes. A
 * digest that no cached image has costs one listing of the model's servable versions and renders
 * only those not seen yet.
 */
final class OciImages {

  private final VersionRepository versions;
  private final OciRepository repository;
  private final Cache<UUID, ModelPack.Image> images;

  /** A version's image, with what it was rendered from. */
  record Found(StoredModel model, StoredVersion version, ModelPack.Image image) {}

  OciImages(VersionRepository versions, OciRepository repository, int maxImages) {
    this.versions = versions;
    this.repository = repository;
    this.images = Caffeine.newBuilder().maximumSize(maxImages).build();
  }

  /** The image of {@code version} when it is servable. */
  Optional<Found> ofVersion(DbExecute exec, StoredModel m, String version) {
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
  Optional<Found> byDigest(DbExecute exec, StoredModel m, String digest, boolean configToo) {
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

  /** {@code v}'s image, rendered once. */
  ModelPack.Image image(StoredModel m, StoredVersion v) {
    return images.get(
        v.id(), id -> ModelPack.render(m.view().project(), m.view().name(), v.view()));
  }

  private static boolean matches(ModelPack.Image image, String digest, boolean configToo) {
    return image.digest().equals(digest) || (configToo && image.configDigest().equals(digest));
  }
}
