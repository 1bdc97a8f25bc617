package dev.cairn.registry.oci;

import dev.cairn.registry.signature.SignatureRepository;
import dev.cairn.registry.signature.StoredSignature;
import io.helidon.dbclient.DbExecute;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Where the OCI API finds the artifacts that refer to a version's manifest: the version's accepted
 * OMS signature ({@code model.sig}), which {@link SignatureReferrer} renders as an OCI artifact of
 * artifactType {@value SignatureReferrer#SIGSTORE_BUNDLE}. A seam so a catalog without the
 * signature table ({@link #NONE}) lists no referrers.
 */
@FunctionalInterface
public interface SignatureReferrers {

  /** No signatures: every version has no referrers. */
  SignatureReferrers NONE = (exec, versionIds) -> Map.of();

  /** The accepted signatures of those of {@code versionIds} that have one, by version id. */
  Map<UUID, StoredSignature> of(DbExecute exec, Collection<UUID> versionIds);

  /** The signatures of {@code version_signatures}: one query per call, whatever the count. */
  static SignatureReferrers stored(SignatureRepository repository) {
    return repository::findAll;
  }
}
