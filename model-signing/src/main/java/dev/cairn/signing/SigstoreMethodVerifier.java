package dev.cairn.signing;

import dev.cairn.signing.VerificationMaterial.FulcioMaterial;

/** The {@code sigstore} (keyless) method. */
final class SigstoreMethodVerifier {
  private SigstoreMethodVerifier() {}

  static VerifiedSigner verify(FulcioMaterial material, SignatureBundle bundle, TrustMaterial trust)
      throws SignatureRefusal {
    throw SignatureRefusal.of(
        RefusalCode.SIGNATURE_METHOD_UNSUPPORTED,
        "keyless (sigstore) signatures are not verified by this version: sign with a key or a"
            + " certificate");
  }
}
