package dev.cairn.signing;

import dev.cairn.signing.TrustMaterial.TrustedKey;
import dev.cairn.signing.VerificationMaterial.PublicKeyMaterial;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code key} method: the DSSE signature must verify with a trusted ECDSA key. The bundle's
 * hint (or, before v1.1.0, its embedded key) only says which key; trust comes from the policy.
 */
final class KeyMethodVerifier {
  private KeyMethodVerifier() {}

  static VerifiedSigner verify(
      PublicKeyMaterial material, DsseEnvelope envelope, TrustMaterial trust)
      throws SignatureRefusal {
    byte[] pae = envelope.pae();
    if (material.rawBytes().isPresent()) {
      return verifyEmbedded(material, embeddedKey(material.rawBytes().get()), envelope, pae, trust);
    }
    String hint = material.hint().orElseThrow();
    List<TrustedKey> named = trust.keys().stream().filter(k -> k.hint().equals(hint)).toList();
    for (TrustedKey key : named) {
      EcdsaCurves curve = EcdsaCurves.of(key.key());
      if (EcdsaSignatures.verifies(key.key(), curve, pae, envelope.signature())) {
        return new VerifiedSigner(hint, key.name());
      }
    }
    if (!named.isEmpty()) {
      throw SignatureRefusal.of(
          RefusalCode.SIGNATURE_INVALID,
          "signature does not verify with trusted key '" + named.get(0).name() + "' it names");
    }
    // The hint is unsigned advice: another implementation may compute it differently, so a
    // signature that verifies with any trusted key is as good as one whose hint matched.
    Optional<TrustedKey> any = anyVerifying(trust.keys(), pae, envelope.signature());
    if (any.isPresent()) {
      return new VerifiedSigner(any.get().hint(), any.get().name());
    }
    throw SignatureRefusal.of(
        RefusalCode.SIGNATURE_UNTRUSTED,
        "no trusted key verifies the signature (bundle names key hint " + Json.shorten(hint) + ")");
  }

  private static VerifiedSigner verifyEmbedded(
      PublicKeyMaterial material,
      PublicKey key,
      DsseEnvelope envelope,
      byte[] pae,
      TrustMaterial trust)
      throws SignatureRefusal {
    checkKeyDetails(material.keyDetails());
    EcdsaCurves curve = EcdsaCurves.of(key);
    if (material.keyDetails().isPresent()
        && EcdsaCurves.byKeyDetails(material.keyDetails().get()).filter(curve::equals).isEmpty()) {
      throw SignatureRefusal.of(
          RefusalCode.SIGNATURE_INVALID, "publicKey.keyDetails does not describe the key's curve");
    }
    if (!EcdsaSignatures.verifies(key, curve, pae, envelope.signature())) {
      throw SignatureRefusal.of(
          RefusalCode.SIGNATURE_INVALID, "signature does not verify with the bundle's key");
    }
    String hint = Pem.hint(key);
    return trust.keys().stream()
        .filter(k -> Arrays.equals(k.key().getEncoded(), key.getEncoded()))
        .findFirst()
        .map(k -> new VerifiedSigner(hint, k.name()))
        .orElseThrow(
            () ->
                SignatureRefusal.of(
                    RefusalCode.SIGNATURE_UNTRUSTED,
                    "signed by key " + hint + ", which is not a trusted key"));
  }

  /** {@code keyDetails} naming a non-ECDSA algorithm is refused before any key parsing. */
  private static void checkKeyDetails(Optional<String> keyDetails) throws SignatureRefusal {
    if (keyDetails.isEmpty() || EcdsaCurves.byKeyDetails(keyDetails.get()).isPresent()) {
      return;
    }
    String details = keyDetails.get().toUpperCase(Locale.ROOT);
    if (details.contains("ED25519") || details.contains("RSA") || details.contains("ECDSA")) {
      throw SignatureRefusal.of(
          RefusalCode.SIGNATURE_METHOD_UNSUPPORTED,
          "keyDetails " + Json.shorten(keyDetails.get()) + " is not an OMS key type");
    }
    throw SignatureRefusal.of(
        RefusalCode.SIGNATURE_INVALID,
        "publicKey.keyDetails '" + Json.shorten(keyDetails.get()) + "' is unknown");
  }

  /** rawBytes is PEM text in the reference implementation, DER in the Sigstore protobuf. */
  private static PublicKey embeddedKey(byte[] raw) throws SignatureRefusal {
    try {
      String text = new String(raw, StandardCharsets.US_ASCII);
      return text.contains("-----BEGIN PUBLIC KEY-----") ? Pem.publicKey(text) : Pem.publicKey(raw);
    } catch (IllegalArgumentException e) {
      throw SignatureRefusal.of(
          RefusalCode.SIGNATURE_INVALID, "publicKey.rawBytes is not a public key");
    }
  }

  private static Optional<TrustedKey> anyVerifying(
      List<TrustedKey> keys, byte[] pae, byte[] signature) {
    for (TrustedKey key : keys) {
      try {
        if (EcdsaSignatures.verifies(key.key(), EcdsaCurves.of(key.key()), pae, signature)) {
          return Optional.of(key);
        }
      } catch (SignatureRefusal notAnOmsKey) {
        // a trusted Ed25519 or RSA key cannot have made an OMS signature: skip it
      }
    }
    return Optional.empty();
  }
}
