package dev.cairn.client.model;

import java.time.Instant;
import java.util.List;

/**
 * A project's signature trust policy (issue 28): the public keys (method {@code key}), the root
 * certificates (method {@code certificate}) and the keyless identities it trusts. {@code version}
 * counts the PUTs (0: never set); each key carries its OMS {@code hint} in answers.
 */
public record TrustPolicy(
    long version,
    List<TrustedKey> keys,
    List<TrustedRoot> roots,
    List<TrustedIdentity> identities,
    Instant updatedAt,
    String updatedBy) {

  /** A trusted public key: its name, its PEM and (in answers) its hint. */
  public record TrustedKey(String name, String pem, String hint) {
    public TrustedKey(String name, String pem) {
      this(name, pem, null);
    }
  }

  /** A trusted root CA certificate in PEM. */
  public record TrustedRoot(String name, String pem) {}

  /** A keyless signer: certificate SAN and OIDC issuer. */
  public record TrustedIdentity(String san, String issuer) {}

  /** What a project without a policy answers. */
  public static TrustPolicy empty() {
    return new TrustPolicy(0, List.of(), List.of(), List.of(), null, null);
  }
}
