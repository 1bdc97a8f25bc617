package dev.cairn.client.model;

import java.time.Instant;

/**
 * A version's accepted signature (issue 28): its method ({@code key}, {@code certificate} or {@code
 * sigstore}), the signer (key hint, certificate subject, or SAN and issuer), when the registry
 * verified it, and whether the project's current trust policy still trusts it.
 */
public record VersionSignature(String method, String signer, Instant verifiedAt, Boolean trusted) {

  /** This signature as judged by another trust policy. */
  public VersionSignature trusted(boolean now) {
    return new VersionSignature(method, signer, verifiedAt, now);
  }
}
