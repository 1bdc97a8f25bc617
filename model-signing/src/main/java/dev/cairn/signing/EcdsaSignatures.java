package dev.cairn.signing;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/** Verifies one DER-encoded ECDSA signature; malformed signatures simply do not verify. */
final class EcdsaSignatures {
  private EcdsaSignatures() {}

  static boolean verifies(PublicKey key, EcdsaCurves curve, byte[] signed, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(curve.signatureAlgorithm());
      verifier.initVerify(key);
      verifier.update(signed);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // A hostile or truncated DER signature throws rather than returning false.
      return false;
    }
  }
}
