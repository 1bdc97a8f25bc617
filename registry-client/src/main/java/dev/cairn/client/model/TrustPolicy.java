package dev.cairn.client.model;

import java.time.Instant;
import java.util.List;

/**
 * A project's signature trust policy (issue 28): named public keys (OMS method {@code key}, with
 * the {@code hint} the registry computed), named root certificates (method {@code certificate}) and
 * keyless identities (method {@code sigstore}). {@code version} is 0 for a project without one.
 */
public record TrustPolicy(
    long version,
    List<Key> keys,
    List<Root> roots,
    List<Identity> identities,
    Instant updatedAt,
    String updatedBy) {

  public TrustPolicy {
    keys = keys == null ? List.of() : List.copyOf(keys);
    roots = roots == null ? List.of() : List.copyOf(roots);
    identities = identities == null ? List.of() : List.copyOf(identities);
  }

  /** A trusted public key in PEM; {@code hint} is the hex SHA-256 of its PEM SPKI text. */
  public record Key(String name, String pem, String hint) {}

  /** A trusted root CA certificate in PEM. */
  public record Root(String name, String pem) {}

  /** A keyless signer: certificate SAN and OIDC issuer. */
  public record Identity(String san, String issuer) {}
}
