package dev.cairn.registry.signature;

import dev.cairn.client.model.VersionSignature;
import java.time.Instant;
import java.util.UUID;

/**
 * A version's accepted {@code model.sig}: the bytes verbatim, their SHA-256 (the ETag), and what
 * verification found when it was accepted.
 */
public record StoredSignature(
    UUID versionId,
    byte[] bundle,
    String sha256,
    String method,
    String signer,
    Instant verifiedAt) {

  /** The wire view, {@code trusted} as the current policy judges it. */
  public VersionSignature view(boolean trusted) {
    return new VersionSignature(method, signer, verifiedAt, trusted);
  }
}
