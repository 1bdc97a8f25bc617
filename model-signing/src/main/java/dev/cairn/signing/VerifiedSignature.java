package dev.cairn.signing;

import java.util.List;
import java.util.Optional;

/**
 * A signature that verified: the method, who signed (key hint, certificate subject, or SAN and
 * issuer), the trust entry that vouched for it, and the statement it covers.
 */
public record VerifiedSignature(
    SigningMethod method, String signer, Optional<String> trustedAs, ModelStatement statement) {

  /** The files the signature covers, sorted by name. */
  public List<Resource> resources() {
    return statement.resources();
  }
}
