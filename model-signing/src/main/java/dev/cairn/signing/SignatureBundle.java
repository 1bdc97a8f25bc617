package dev.cairn.signing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A parsed OMS {@code model.sig}: a Sigstore bundle v0.3 holding a DSSE envelope. The raw bytes
 * stay with it, so a registry can store the bundle verbatim and hand it back byte-identical.
 */
public record SignatureBundle(
    String mediaType, VerificationMaterial material, DsseEnvelope envelope, byte[] raw) {

  /** The largest bundle read by default: a manifest of ~20,000 files fits in well under this. */
  public static final int DEFAULT_LIMIT = 4 * 1024 * 1024;

  public SignatureBundle {
    raw = raw.clone();
  }

  @Override
  public byte[] raw() {
    return raw.clone();
  }

  /** Parses a bundle of at most {@code limit} bytes; anything malformed is SIGNATURE_INVALID. */
  public static SignatureBundle parse(byte[] bytes, int limit) throws SignatureRefusal {
    if (bytes.length > limit) {
      throw tooLarge(limit);
    }
    return BundleReader.read(bytes);
  }

  /** Reads at most {@code limit} bytes from the stream, and one more only to prove it too large. */
  public static SignatureBundle parse(InputStream in, int limit)
      throws SignatureRefusal, IOException {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative");
    }
    byte[] bytes = in.readNBytes(limit);
    if (bytes.length == limit && in.read() >= 0) {
      throw tooLarge(limit);
    }
    return BundleReader.read(bytes);
  }

  public SigningMethod method() {
    return material.method();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SignatureBundle that && Arrays.equals(raw, that.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "SignatureBundle[" + material.method().wireName() + ", " + raw.length + " bytes]";
  }

  private static SignatureRefusal tooLarge(int limit) {
    return SignatureRefusal.of(
        RefusalCode.SIGNATURE_INVALID, "bundle is larger than " + limit + " bytes");
  }
}
