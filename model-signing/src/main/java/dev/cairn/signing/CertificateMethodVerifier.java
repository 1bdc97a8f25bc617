package dev.cairn.signing;

import dev.cairn.signing.TrustMaterial.TrustedRoot;
import dev.cairn.signing.VerificationMaterial.CertificateChainMaterial;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;

/**
 * The {@code certificate} method: the leaf's ECDSA key verifies the signature, the leaf may sign
 * code, and the chain leads to a configured root. The chain is validated at the leaf's {@code
 * notBefore}, as the reference verifier does, so a signature outlives its certificate.
 */
final class CertificateMethodVerifier {
  private static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
  private static final int DIGITAL_SIGNATURE = 0;

  private CertificateMethodVerifier() {}

  static VerifiedSigner verify(
      CertificateChainMaterial material, DsseEnvelope envelope, TrustMaterial trust)
      throws SignatureRefusal {
    X509Certificate leaf = material.leaf();
    EcdsaCurves curve = EcdsaCurves.of(leaf.getPublicKey());
    if (!EcdsaSignatures.verifies(
        leaf.getPublicKey(), curve, envelope.pae(), envelope.signature())) {
      throw SignatureRefusal.of(
          RefusalCode.SIGNATURE_INVALID,
          "signature does not verify with the leaf certificate's key");
    }
    String subject = leaf.getSubjectX500Principal().getName(X500Principal.RFC2253);
    if (!maySign(leaf)) {
      throw SignatureRefusal.of(
          RefusalCode.SIGNATURE_UNTRUSTED,
          "leaf certificate "
              + Json.shorten(subject)
              + " has neither KeyUsage digitalSignature nor EKU codeSigning");
    }
    TrustedRoot root = validateChain(material.chain(), trust.roots());
    return new VerifiedSigner(subject, root.name());
  }

  private static boolean maySign(X509Certificate leaf) throws SignatureRefusal {
    boolean[] keyUsage = leaf.getKeyUsage();
    if (keyUsage != null && keyUsage.length > DIGITAL_SIGNATURE && keyUsage[DIGITAL_SIGNATURE]) {
      return true;
    }
    try {
      List<String> extended = leaf.getExtendedKeyUsage();
      return extended != null && extended.contains(CODE_SIGNING);
    } catch (CertificateParsingException e) {
      throw SignatureRefusal.of(
          RefusalCode.SIGNATURE_INVALID, "leaf certificate has an unreadable extended key usage");
    }
  }

  private static TrustedRoot validateChain(List<X509Certificate> chain, List<TrustedRoot> roots)
      throws SignatureRefusal {
    if (roots.isEmpty()) {
      throw SignatureRefusal.of(
          RefusalCode.SIGNATURE_UNTRUSTED, "no certificate roots are trusted");
    }
    Set<TrustAnchor> anchors =
        roots.stream().map(r -> new TrustAnchor(r.certificate(), null)).collect(Collectors.toSet());
    // PKIX wants the path without its anchor; a chain that carries the root itself is common.
    List<X509Certificate> path =
        chain.stream()
            .filter(c -> roots.stream().noneMatch(r -> r.certificate().equals(c)))
            .toList();
    if (path.isEmpty()) {
      // The leaf itself is configured as a root: trusted directly, nothing left to validate.
      return roots.stream()
          .filter(r -> r.certificate().equals(chain.get(0)))
          .findFirst()
          .orElseThrow();
    }
    try {
      CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
      PKIXParameters parameters = new PKIXParameters(anchors);
      parameters.setRevocationEnabled(false);
      parameters.setDate(chain.get(0).getNotBefore());
      PKIXCertPathValidatorResult result =
          (PKIXCertPathValidatorResult)
              CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
      X509Certificate anchor = result.getTrustAnchor().getTrustedCert();
      return roots.stream().filter(r -> r.certificate().equals(anchor)).findFirst().orElseThrow();
    } catch (GeneralSecurityException e) {
      throw SignatureRefusal.of(
          RefusalCode.SIGNATURE_UNTRUSTED,
          "certificate chain does not lead to a trusted root: " + Json.shorten(oneLine(e)),
          e);
    }
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
