package dev.cairn.cli;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signing key of {@code version sign --key}: an unencrypted ECDSA private key in PEM, PKCS#8
 * ({@code PRIVATE KEY}, what Python's {@code cryptography} and {@code openssl genpkey} write) or
 * SEC1 ({@code EC PRIVATE KEY}, what {@code openssl ecparam -genkey} writes). The public key is
 * computed from the private scalar, so a file that carries none (the JDK's own PKCS#8) still gives
 * the key hint the bundle names. Nothing of the key is ever printed.
 */
final class EcKeyPair {

  private static final Pattern BLOCK =
      Pattern.compile(
          "-----BEGIN ((?:EC |ENCRYPTED )?PRIVATE KEY)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  /** DER of the OID 1.2.840.10045.2.1 (id-ecPublicKey). */
  private static final byte[] EC_PUBLIC_KEY_OID = {
    0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01
  };

  private EcKeyPair() {}

  /** The key pair of {@code pem}; a refusal names what is wrong, never the key. */
  static KeyPair read(String pem, String source) {
    Matcher block = BLOCK.matcher(pem);
    if (!block.find()) {
      throw refused(source, "holds no PEM private key (PRIVATE KEY or EC PRIVATE KEY)");
    }
    if (block.group(1).startsWith("ENCRYPTED")) {
      throw refused(
          source, "is encrypted; decrypt it into a pipe: openssl pkcs8 -in KEY | cairn … --key -");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(block.group(2));
    } catch (IllegalArgumentException e) {
      throw refused(source, "is not valid base64 PEM");
    }
    byte[] pkcs8 = block.group(1).startsWith("EC") ? pkcs8FromSec1(der, source) : der;
    try {
      PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      ECPrivateKey ec = (ECPrivateKey) key;
      ECParameterSpec params = ec.getParams();
      ECPoint q = multiply(params.getGenerator(), ec.getS(), params);
      PublicKey pub = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(q, params));
      return new KeyPair(pub, key);
    } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
      throw refused(
          source,
          "is not an ECDSA private key on P-256, P-384 or P-521 (OMS signs with ECDSA only;"
              + " Ed25519 and RSA are refused by every verifier)");
    }
  }

  private static ExitCodes.Failure refused(String source, String why) {
    return new ExitCodes.Failure(ExitCodes.USAGE, "signing key " + source + " " + why);
  }

  /**
   * Wraps SEC1 {@code ECPrivateKey} in PKCS#8: {@code SEQ{0, SEQ{id-ecPublicKey, curve}, OCTET
   * STRING(sec1)}}, the curve OID taken from the SEC1 structure's {@code [0]} parameters.
   */
  private static byte[] pkcs8FromSec1(byte[] sec1, String source) {
    byte[] curve = curveOid(sec1);
    if (curve == null) {
      throw refused(source, "names no curve (SEC1 without parameters)");
    }
    byte[] algorithm = tlv(0x30, concat(EC_PUBLIC_KEY_OID, curve));
    return tlv(0x30, concat(new byte[] {0x02, 0x01, 0x00}, algorithm, tlv(0x04, sec1)));
  }

  /** The full OID TLV inside SEC1's {@code [0]} (tag 0xa0), or null. */
  private static byte[] curveOid(byte[] sec1) {
    int[] outer = header(sec1, 0);
    if (outer == null || sec1[0] != 0x30) {
      return null;
    }
    int at = outer[0];
    int end = Math.min(sec1.length, outer[0] + outer[1]);
    while (at < end) {
      int[] field = header(sec1, at);
      if (field == null) {
        return null;
      }
      if ((sec1[at] & 0xff) == 0xa0) {
        return Arrays.copyOfRange(sec1, field[0], Math.min(sec1.length, field[0] + field[1]));
      }
      at = field[0] + field[1];
    }
    return null;
  }

  /** {content start, content length} of the TLV at {@code at}, or null when it does not parse. */
  private static int[] header(byte[] der, int at) {
    if (at + 2 > der.length) {
      return null;
    }
    int first = der[at + 1] & 0xff;
    if (first < 0x80) {
      return new int[] {at + 2, first};
    }
    int bytes = first & 0x7f;
    if (bytes == 0 || bytes > 3 || at + 2 + bytes > der.length) {
      return null;
    }
    int length = 0;
    for (int i = 0; i < bytes; i++) {
      length = (length << 8) | (der[at + 2 + i] & 0xff);
    }
    return new int[] {at + 2 + bytes, length};
  }

  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int n = content.length;
    if (n < 0x80) {
      out.write(n);
    } else if (n < 0x100) {
      out.write(0x81);
      out.write(n);
    } else {
      out.write(0x82);
      out.write(n >> 8);
      out.write(n & 0xff);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /**
   * {@code k·P} on a prime curve, double-and-add in affine coordinates. Not constant-time: it runs
   * once, on the signer's own machine, over its own key, before anything is sent.
   */
  static ECPoint multiply(ECPoint p, BigInteger k, ECParameterSpec params) {
    BigInteger prime = ((ECFieldFp) params.getCurve().getField()).getP();
    BigInteger a = params.getCurve().getA();
    ECPoint result = ECPoint.POINT_INFINITY;
    ECPoint addend = p;
    for (int i = 0; i < k.bitLength(); i++) {
      if (k.testBit(i)) {
        result = add(result, addend, a, prime);
      }
      addend = add(addend, addend, a, prime);
    }
    return result;
  }

  private static ECPoint add(ECPoint p, ECPoint q, BigInteger a, BigInteger prime) {
    if (p.equals(ECPoint.POINT_INFINITY)) {
      return q;
    }
    if (q.equals(ECPoint.POINT_INFINITY)) {
      return p;
    }
    BigInteger x1 = p.getAffineX();
    BigInteger y1 = p.getAffineY();
    BigInteger x2 = q.getAffineX();
    BigInteger y2 = q.getAffineY();
    BigInteger slope;
    if (x1.equals(x2)) {
      if (!y1.equals(y2) || y1.signum() == 0) {
        return ECPoint.POINT_INFINITY;
      }
      slope =
          x1.pow(2)
              .multiply(BigInteger.valueOf(3))
              .add(a)
              .multiply(y1.shiftLeft(1).modInverse(prime))
              .mod(prime);
    } else {
      slope = y2.subtract(y1).multiply(x2.subtract(x1).modInverse(prime)).mod(prime);
    }
    BigInteger x3 = slope.pow(2).subtract(x1).subtract(x2).mod(prime);
    BigInteger y3 = slope.multiply(x1.subtract(x3)).subtract(y1).mod(prime);
    return new ECPoint(x3, y3);
  }
}
