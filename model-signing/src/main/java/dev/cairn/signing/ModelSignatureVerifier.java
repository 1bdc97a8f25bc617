package dev.cairn.signing;

import dev.cairn.signing.VerificationMaterial.CertificateChainMaterial;
import dev.cairn.signing.VerificationMaterial.FulcioMaterial;
import dev.cairn.signing.VerificationMaterial.PublicKeyMaterial;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies an OMS bundle (spec §8): the signature by its method against the trust material, then
 * the statement, then the model's files. It never reads model files: the caller passes the SHA-256
 * of each, which Cairn already has from its own pinning (or from {@link ModelFiles}).
 */
public final class ModelSignatureVerifier {
  private final TrustMaterial trust;

  public ModelSignatureVerifier(TrustMaterial trust) {
    this.trust = trust;
  }

  /** One-shot form of {@link #verify(SignatureBundle, Map)}. */
  public static VerifiedSignature verify(
      SignatureBundle bundle, TrustMaterial trust, Map<String, String> files)
      throws SignatureRefusal {
    return new ModelSignatureVerifier(trust).verify(bundle, files);
  }

  /**
   * Verifies the bundle and that {@code files} (relative POSIX path → lowercase hex SHA-256) are
   * exactly the signed resources, apart from the bundle's exclusions and {@code model.sig}.
   */
  public VerifiedSignature verify(SignatureBundle bundle, Map<String, String> files)
      throws SignatureRefusal {
    VerifiedSignature signature = verifyEnvelope(bundle);
    ManifestMatch.check(signature.statement(), files);
    return signature;
  }

  /**
   * Verifies the signature and the statement only, for a caller that matches files itself (a
   * sidecar comparing while it hashes).
   */
  public VerifiedSignature verifyEnvelope(SignatureBundle bundle) throws SignatureRefusal {
    VerifiedSigner signer =
        switch (bundle.material()) {
          case PublicKeyMaterial key -> KeyMethodVerifier.verify(key, bundle.envelope(), trust);
          case CertificateChainMaterial chain ->
              CertificateMethodVerifier.verify(chain, bundle.envelope(), trust);
          case FulcioMaterial fulcio -> SigstoreMethodVerifier.verify(fulcio, bundle, trust);
        };
    // Statement checks come after the signature (spec §8.3): an unsigned payload is not read.
    ModelStatement statement = ModelStatement.parse(bundle.envelope().payload());
    return new VerifiedSignature(
        bundle.method(), signer.signer(), Optional.ofNullable(signer.trustedAs()), statement);
  }
}
