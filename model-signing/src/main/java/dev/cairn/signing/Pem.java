package dev.cairn.signing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * PEM reading and writing for trust material. Reading tolerates text around the blocks (certtool
 * and openssl put a human-readable dump before them); writing follows Python's {@code cryptography}
 * byte for byte, because the OMS key hint is a hash of that text.
 */
public final class Pem {
  /** The key algorithms JCA may hold; OMS itself takes only EC, the others are refused later. */
  private static final List<String> KEY_ALGORITHMS = List.of("EC", "RSA", "Ed25519", "Ed448");

  private Pem() {}

  /** Every {@code PUBLIC KEY} block in the text, in order. */
  public static List<PublicKey> publicKeys(String text) {
    List<PublicKey> keys = new ArrayList<>();
    for (byte[] der : blocks(text, "PUBLIC KEY")) {
      keys.add(publicKey(der));
    }
    return keys;
  }

  /** Exactly one public key; the text may carry a human-readable preamble. */
  public static PublicKey publicKey(String text) {
    List<PublicKey> keys = publicKeys(text);
    if (keys.size() != 1) {
      throw new IllegalArgumentException("expected one PUBLIC KEY PEM block, found " + keys.size());
    }
    return keys.get(0);
  }

  /** A public key from its DER SubjectPublicKeyInfo, whatever its algorithm. */
  public static PublicKey publicKey(byte[] spki) {
    X509EncodedKeySpec spec = new X509EncodedKeySpec(spki);
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePublic(spec);
      } catch (InvalidKeySpecException | NoSuchAlgorithmException | ClassCastException e) {
        // not this algorithm: try the next one
      }
    }
    throw new IllegalArgumentException("not a public key of a known algorithm");
  }

  /** Every {@code CERTIFICATE} block in the text, in order. */
  public static List<X509Certificate> certificates(String text) {
    List<X509Certificate> certificates = new ArrayList<>();
    for (byte[] der : blocks(text, "CERTIFICATE")) {
      certificates.add(certificate(der));
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("no CERTIFICATE PEM block found");
    }
    return certificates;
  }

  /** An X.509 certificate from its DER encoding. */
  public static X509Certificate certificate(byte[] der) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | ClassCastException e) {
      throw new IllegalArgumentException("not an X.509 certificate: " + e.getMessage(), e);
    }
  }

  /**
   * The PEM text of a public key as Python's {@code cryptography} writes it: 64-character base64
   * lines, LF line ends, a trailing newline.
   */
  public static String publicKeyPem(PublicKey key) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
  }

  /** The OMS {@code publicKey.hint}: hex SHA-256 of {@link #publicKeyPem(PublicKey)}. */
  public static String hint(PublicKey key) {
    return Digests.sha256Hex(publicKeyPem(key).getBytes(StandardCharsets.US_ASCII));
  }

  private static List<byte[]> blocks(String text, String label) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    List<byte[]> blocks = new ArrayList<>();
    int from = text.indexOf(begin);
    while (from >= 0) {
      int bodyStart = from + begin.length();
      int bodyEnd = text.indexOf(end, bodyStart);
      if (bodyEnd < 0) {
        throw new IllegalArgumentException("PEM " + label + " block has no END line");
      }
      try {
        blocks.add(Base64.getMimeDecoder().decode(text.substring(bodyStart, bodyEnd).strip()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("PEM " + label + " block is not base64", e);
      }
      from = text.indexOf(begin, bodyEnd + end.length());
    }
    return blocks;
  }
}
