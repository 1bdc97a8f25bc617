package dev.cairn.registry.signature;

import dev.cairn.signing.TrustMaterial;
import java.util.Optional;

/** A project's trust policy as one decision reads it: its version and the verifier's material. */
public record CurrentTrust(String project, long version, TrustMaterial material) {

  /** What a project without a policy trusts: nothing (no identity the root could vouch for). */
  static CurrentTrust none(String project, Optional<byte[]> sigstoreTrustedRoot) {
    return new CurrentTrust(
        project, 0, TrustMaterial.none().withSigstoreTrustedRoot(sigstoreTrustedRoot));
  }
}
