package dev.cairn.signing;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * The OMS signing curves (algorithm registry: P-256, P-384, P-521) and the hash each one signs
 * with, as the reference implementation pairs them. Every other key type is refused here, once.
 */
public enum EcdsaCurves {
  P256("secp256r1", "SHA256withECDSA", "PKIX_ECDSA_P256_SHA_256"),
  P384("secp384r1", "SHA384withECDSA", "PKIX_ECDSA_P384_SHA_384"),
  P521("secp521r1", "SHA512withECDSA", "PKIX_ECDSA_P521_SHA_512");

  private final String curveName;
  private final String signatureAlgorithm;
  private final String keyDetails;

  EcdsaCurves(String curveName, String signatureAlgorithm, String keyDetails) {
    this.curveName = curveName;
    this.signatureAlgorithm = signatureAlgorithm;
    this.keyDetails = keyDetails;
  }

  /** The JCA name of the curve, e.g. {@code secp384r1}. */
  public String curveName() {
    return curveName;
  }

  /** The JCA signature algorithm, e.g. {@code SHA384withECDSA}. */
  public String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  /** The Sigstore {@code keyDetails} name of this curve and hash. */
  public String keyDetails() {
    return keyDetails;
  }

  /**
   * The curve of an OMS signing key, or {@code SIGNATURE_METHOD_UNSUPPORTED} for Ed25519, RSA and
   * EC keys on other curves (secp256k1 and the like).
   */
  public static EcdsaCurves of(PublicKey key) throws SignatureRefusal {
    if (!(key instanceof ECPublicKey ec)) {
      throw SignatureRefusal.of(
          RefusalCode.SIGNATURE_METHOD_UNSUPPORTED,
          key.getAlgorithm()
              + " keys are not an OMS signing method (ECDSA P-256, P-384 or P-521 only)");
    }
    return match(ec.getParams())
        .orElseThrow(
            () ->
                SignatureRefusal.of(
                    RefusalCode.SIGNATURE_METHOD_UNSUPPORTED,
                    "EC key on a curve OMS does not use (P-256, P-384 or P-521 only)"));
  }

  /** The curve whose Sigstore {@code keyDetails} name is given. */
  public static Optional<EcdsaCurves> byKeyDetails(String keyDetails) {
    return Arrays.stream(values()).filter(c -> c.keyDetails.equals(keyDetails)).findFirst();
  }

  private static Optional<EcdsaCurves> match(ECParameterSpec params) {
    return Arrays.stream(values()).filter(c -> c.sameCurve(params)).findFirst();
  }

  private boolean sameCurve(ECParameterSpec params) {
    ECParameterSpec mine = parameters();
    return mine.getCurve().equals(params.getCurve())
        && mine.getOrder().equals(params.getOrder())
        && mine.getGenerator().equals(params.getGenerator());
  }

  /** The domain parameters of this curve, for key generation and comparison. */
  public ECParameterSpec parameters() {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec(curveName));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(curveName + " is missing from this JVM", e);
    }
  }
}
