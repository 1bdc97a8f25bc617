package dev.cairn.signing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.signing.VerificationMaterial.FulcioMaterial;
import dev.sigstore.KeylessVerificationException;
import dev.sigstore.KeylessVerifier;
import dev.sigstore.VerificationOptions;
import dev.sigstore.bundle.Bundle;
import dev.sigstore.bundle.BundleParseException;
import dev.sigstore.trustroot.SigstoreTrustedRoot;
import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The {@code sigstore} (keyless) method, offline: the Fulcio certificate, its SCT and the Rekor
 * entry (inclusion proof and signed entry timestamp) are checked by sigstore-java against a
 * configured {@code trusted_root.json}; no network call is made. The identity (SAN and issuer) must
 * be one the trust material names.
 *
 * <p>sigstore-java 1.3.0 refuses bundles that carry RFC 3161 timestamps, so they are removed from
 * the copy it reads: the signing time then comes from the Rekor entry's integrated time, which the
 * log signed, and the TSA timestamps are not relied on.
 */
final class SigstoreMethodVerifier {
  private SigstoreMethodVerifier() {}

  static VerifiedSigner verify(FulcioMaterial material, SignatureBundle bundle, TrustMaterial trust)
      throws SignatureRefusal {
    EcdsaCurves curve = EcdsaCurves.of(material.certificate().getPublicKey());
    DsseEnvelope envelope = bundle.envelope();
    if (!EcdsaSignatures.verifies(
        material.certificate().getPublicKey(), curve, envelope.pae(), envelope.signature())) {
      throw SignatureRefusal.of(
          RefusalCode.SIGNATURE_INVALID, "signature does not verify with the Fulcio certificate");
    }
    byte[] trustedRoot =
        trust
            .sigstoreTrustedRoot()
            .orElseThrow(
                () ->
                    SignatureRefusal.of(
                        RefusalCode.SIGNATURE_UNTRUSTED,
                        "no Sigstore trusted root is configured: keyless (sigstore) signatures"
                            + " need CAIRN_SIGSTORE_TRUSTED_ROOT, a trusted_root.json"));
    FulcioIdentity identity = FulcioIdentity.of(material.certificate());
    if (trust.identities().stream().noneMatch(identity::matches)) {
      throw SignatureRefusal.of(
          RefusalCode.SIGNATURE_UNTRUSTED,
          "signed by " + Json.shorten(identity.signer()) + ", which is not a trusted identity");
    }
    // sigstore-java checks the in-toto subject against the digest it is given: the root digest.
    ModelStatement statement = ModelStatement.parse(envelope.payload());
    try {
      KeylessVerifier.builder()
          .trustedRootProvider(
              () -> SigstoreTrustedRoot.from(SigstoreTrustedRoots.parse(trustedRoot)))
          .build()
          .verify(
              HexFormat.of().parseHex(statement.rootDigest()),
              withoutTimestamps(bundle.raw()),
              VerificationOptions.empty());
    } catch (KeylessVerificationException e) {
      throw SignatureRefusal.of(
          RefusalCode.SIGNATURE_UNTRUSTED,
          "keyless signature does not check out against the Sigstore trusted root: "
              + Json.shorten(firstLine(e.getMessage())),
          e);
    } catch (GeneralSecurityException | IOException e) {
      throw SignatureRefusal.of(
          RefusalCode.SIGNATURE_UNTRUSTED, "the Sigstore trusted root cannot be read", e);
    } catch (RuntimeException e) {
      // sigstore-java reports some malformed input (a log entry body, a proof) unchecked.
      throw SignatureRefusal.of(
          RefusalCode.SIGNATURE_INVALID, "sigstore-java could not process the bundle", e);
    }
    return new VerifiedSigner(identity.signer(), identity.san());
  }

  private static Bundle withoutTimestamps(byte[] raw) throws SignatureRefusal {
    try {
      ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(raw);
      ((ObjectNode) tree.get("verificationMaterial")).remove("timestampVerificationData");
      return Bundle.from(new StringReader(Json.MAPPER.writeValueAsString(tree)));
    } catch (IOException | BundleParseException | RuntimeException e) {
      throw SignatureRefusal.of(
          RefusalCode.SIGNATURE_INVALID, "sigstore bundle is not readable by sigstore-java", e);
    }
  }

  private static String firstLine(String message) {
    return message == null ? "refused" : message.lines().findFirst().orElse(message);
  }
}
