package dev.cairn.registry.signature;

import dev.cairn.signing.TrustMaterial;

/** A project's trust policy as one decision reads it: its version and the verifier's material. */
public record CurrentTrust(String project, long version, TrustMaterial material) {

  /** What a project without a policy trusts: nothing. */
  static CurrentTrust none(String project) {
    return new CurrentTrust(project, 0, TrustMaterial.none());
  }
}
