package dev.cairn.signing;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a verifier trusts: named public keys (method {@code key}), named root certificates (method
 * {@code certificate}) and, for keyless signatures, the identities allowed to sign with a Sigstore
 * trusted root. Immutable; build one per trust-policy version.
 */
public record TrustMaterial(
    List<TrustedKey> keys,
    List<TrustedRoot> roots,
    List<KeylessIdentity> identities,
    Optional<byte[]> sigstoreTrustedRoot) {

  public TrustMaterial {
    keys = List.copyOf(keys);
    roots = List.copyOf(roots);
    identities = List.copyOf(identities);
    sigstoreTrustedRoot = sigstoreTrustedRoot.map(byte[]::clone);
  }

  /** A trusted public key and the name the policy gives it. */
  public record TrustedKey(String name, PublicKey key) {
    /** The OMS hint of the key, as bundles name it. */
    public String hint() {
      return Pem.hint(key);
    }
  }

  /** A trusted root CA certificate and the name the policy gives it. */
  public record TrustedRoot(String name, X509Certificate certificate) {}

  /** A keyless signer: the certificate's SAN (e-mail or URI) and its OIDC issuer. */
  public record KeylessIdentity(String san, String issuer) {}

  /**
   * This material with the deployment's Sigstore trusted root (a policy names identities, a process
   * setting supplies the root they are checked against); empty leaves it as it is.
   */
  public TrustMaterial withSigstoreTrustedRoot(Optional<byte[]> trustedRootJson) {
    return trustedRootJson.isEmpty()
        ? this
        : new TrustMaterial(keys, roots, identities, trustedRootJson);
  }

  public static TrustMaterial none() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects trust material, parsing PEM as a policy document carries it. */
  public static final class Builder {
    private final List<TrustedKey> keys = new ArrayList<>();
    private final List<TrustedRoot> roots = new ArrayList<>();
    private final List<KeylessIdentity> identities = new ArrayList<>();
    private byte[] sigstoreTrustedRoot;

    private Builder() {}

    public Builder key(String name, PublicKey key) {
      keys.add(new TrustedKey(name, key));
      return this;
    }

    /** One public key from PEM text (text before the BEGIN line is allowed). */
    public Builder keyPem(String name, String pem) {
      return key(name, Pem.publicKey(pem));
    }

    public Builder root(String name, X509Certificate certificate) {
      roots.add(new TrustedRoot(name, certificate));
      return this;
    }

    /** Every certificate of the PEM text becomes a root under the given name. */
    public Builder rootPem(String name, String pem) {
      Pem.certificates(pem).forEach(certificate -> root(name, certificate));
      return this;
    }

    public Builder identity(String san, String issuer) {
      identities.add(new KeylessIdentity(san, issuer));
      return this;
    }

    /** A Sigstore {@code trusted_root.json}, for keyless signatures. */
    public Builder sigstoreTrustedRoot(byte[] trustedRootJson) {
      this.sigstoreTrustedRoot = trustedRootJson.clone();
      return this;
    }

    public TrustMaterial build() {
      return new TrustMaterial(keys, roots, identities, Optional.ofNullable(sigstoreTrustedRoot));
    }
  }
}
