package dev.cairn.registry.oci;

import io.helidon.dbclient.DbExecute;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The artifacts that refer to a version's manifest: its OMS signature bundle, as a descriptor of
 * artifactType {@code application/vnd.dev.sigstore.bundle.v0.3+json}, once the registry stores
 * signatures (issue 28). Until then {@link #NONE} answers: the referrers API lists nothing.
 */
@FunctionalInterface
public interface SignatureReferrers {

  String SIGSTORE_BUNDLE = "application/vnd.dev.sigstore.bundle.v0.3+json";

  /** An OCI descriptor of one referrer (its manifest's media type, digest and size). */
  record Referrer(
      String mediaType,
      String digest,
      long size,
      String artifactType,
      Map<String, String> annotations) {}

  /** No signature table yet: every version has no referrers. */
  SignatureReferrers NONE = (exec, versionId) -> List.of();

  List<Referrer> of(DbExecute exec, UUID versionId);
}
