package dev.cairn.signing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Issues X.509 v3 test certificates with chosen extensions, signed by JCA. */
final class TestCertificates {
  static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
  static final String RSA_SHA256 = "1.2.840.113549.1.1.11";
  private static final AtomicLong SERIAL = new AtomicLong(1000);

  /** What a certificate may do: CA, digitalSignature / keyCertSign key usage, EKU codeSigning. */
  record Usage(boolean ca, boolean digitalSignature, boolean codeSigning) {
    static final Usage CA = new Usage(true, false, false);
    static final Usage SIGNER = new Usage(false, true, true);
    static final Usage NEITHER = new Usage(false, false, false);
  }

  /** A certificate and the private key of its subject. */
  record Issued(X509Certificate certificate, KeyPair keys) {}

  private TestCertificates() {}

  static KeyPair ec(String curve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve));
    return generator.generateKeyPair();
  }

  static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /** A self-signed root. */
  static Issued root(String cn, KeyPair keys) throws Exception {
    return new Issued(issue(cn, keys, cn, keys.getPrivate(), Usage.CA), keys);
  }

  /** A certificate for {@code keys} issued by {@code issuer}. */
  static Issued issue(String cn, KeyPair keys, Issued issuer, Usage usage) throws Exception {
    String issuerCn =
        issuer.certificate().getSubjectX500Principal().getName().replaceFirst("^CN=", "");
    return new Issued(issue(cn, keys, issuerCn, issuer.keys().getPrivate(), usage), keys);
  }

  private static X509Certificate issue(
      String cn, KeyPair keys, String issuerCn, PrivateKey issuerKey, Usage usage)
      throws Exception {
    String algorithm = issuerKey.getAlgorithm().equals("RSA") ? RSA_SHA256 : ECDSA_SHA256;
    String jca = algorithm.equals(RSA_SHA256) ? "SHA256withRSA" : "SHA256withECDSA";
    byte[] algorithmId =
        algorithm.equals(RSA_SHA256)
            ? Der.sequence(Der.oid(algorithm), new byte[] {0x05, 0x00})
            : Der.sequence(Der.oid(algorithm));
    ZonedDateTime now = ZonedDateTime.now();
    byte[] tbs =
        Der.sequence(
            Der.explicit(0, Der.integer(BigInteger.TWO)),
            Der.integer(BigInteger.valueOf(SERIAL.incrementAndGet())),
            algorithmId,
            Der.commonName(issuerCn),
            Der.sequence(Der.utcTime(now.minusDays(1)), Der.utcTime(now.plusYears(1))),
            Der.commonName(cn),
            keys.getPublic().getEncoded(),
            Der.explicit(3, Der.sequence(extensions(usage).toArray(byte[][]::new))));
    Signature signer = Signature.getInstance(jca);
    signer.initSign(issuerKey);
    signer.update(tbs);
    byte[] der = Der.sequence(tbs, algorithmId, Der.bits(signer.sign()));
    return Pem.certificate(der);
  }

  private static List<byte[]> extensions(Usage usage) {
    List<byte[]> extensions = new ArrayList<>();
    extensions.add(extension("2.5.29.19", Der.sequence(usage.ca() ? Der.bool(true) : new byte[0])));
    int keyUsage = (usage.digitalSignature() ? 0x80 : 0) | (usage.ca() ? 0x04 | 0x02 : 0);
    if (keyUsage != 0) {
      extensions.add(extension("2.5.29.15", Der.bits(new byte[] {(byte) keyUsage})));
    }
    if (usage.codeSigning()) {
      extensions.add(extension("2.5.29.37", Der.sequence(Der.oid("1.3.6.1.5.5.7.3.3"))));
    }
    return extensions;
  }

  private static byte[] extension(String oid, byte[] value) {
    return Der.sequence(Der.oid(oid), Der.bool(true), Der.octets(value));
  }
}
