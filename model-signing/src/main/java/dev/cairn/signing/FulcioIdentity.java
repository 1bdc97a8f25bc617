package dev.cairn.signing;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The identity a Fulcio certificate vouches for: its subject alternative name (e-mail or URI) and
 * the OIDC issuer Fulcio recorded in its own extension.
 */
record FulcioIdentity(String san, String issuer) {
  /** Fulcio's issuer extension (v2, DER UTF8String), preferred over the raw-bytes v1 form. */
  private static final String ISSUER_V2 = "1.3.6.1.4.1.57264.1.8";

  private static final String ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";
  private static final int SAN_EMAIL = 1;
  private static final int SAN_URI = 6;

  static FulcioIdentity of(X509Certificate certificate) throws SignatureRefusal {
    String san =
        san(certificate)
            .orElseThrow(() -> untrusted("the Fulcio certificate names no e-mail or URI identity"));
    String issuer =
        extension(certificate, ISSUER_V2, true)
            .or(() -> extension(certificate, ISSUER_V1, false))
            .orElseThrow(() -> untrusted("the Fulcio certificate names no OIDC issuer"));
    return new FulcioIdentity(san, issuer);
  }

  boolean matches(TrustMaterial.KeylessIdentity identity) {
    return san.equals(identity.san()) && issuer.equals(identity.issuer());
  }

  /** How the signer is recorded: {@code san (issuer)}. */
  String signer() {
    return san + " (" + issuer + ")";
  }

  private static Optional<String> san(X509Certificate certificate) throws SignatureRefusal {
    try {
      Collection<List<?>> names = certificate.getSubjectAlternativeNames();
      if (names == null) {
        return Optional.empty();
      }
      return names.stream()
          .filter(n -> n.get(0) instanceof Integer type && (type == SAN_EMAIL || type == SAN_URI))
          .map(n -> String.valueOf(n.get(1)))
          .findFirst();
    } catch (CertificateParsingException e) {
      throw SignatureRefusal.of(
          RefusalCode.SIGNATURE_INVALID, "the Fulcio certificate has unreadable alternative names");
    }
  }

  /** The string inside an extension; {@code utf8} says whether it is a DER UTF8String. */
  private static Optional<String> extension(X509Certificate certificate, String oid, boolean utf8) {
    byte[] wrapped = certificate.getExtensionValue(oid);
    if (wrapped == null) {
      return Optional.empty();
    }
    Optional<byte[]> value = content(wrapped, 0x04);
    if (utf8) {
      value = value.flatMap(inner -> content(inner, 0x0c));
    }
    return value.map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  /** The content of one DER TLV with the expected tag, or empty if it is not exactly that. */
  private static Optional<byte[]> content(byte[] der, int tag) {
    if (der.length < 2 || (der[0] & 0xff) != tag) {
      return Optional.empty();
    }
    int length = der[1] & 0xff;
    int offset = 2;
    if (length >= 0x80) {
      int octets = length & 0x7f;
      if (octets == 0 || octets > 3 || der.length < 2 + octets) {
        return Optional.empty();
      }
      length = 0;
      for (int i = 0; i < octets; i++) {
        length = (length << 8) | (der[2 + i] & 0xff);
      }
      offset += octets;
    }
    if (offset + length != der.length) {
      return Optional.empty();
    }
    return Optional.of(Arrays.copyOfRange(der, offset, offset + length));
  }

  private static SignatureRefusal untrusted(String detail) {
    return SignatureRefusal.of(RefusalCode.SIGNATURE_UNTRUSTED, detail);
  }
}
