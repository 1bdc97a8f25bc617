package dev.cairn.registry.oci;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A content digest as the OCI API writes it ({@code sha256:<64 lowercase hex>}). The grammar of the
 * image spec is checked first, so a malformed digest is refused as DIGEST_INVALID; a well-formed
 * digest of another algorithm (sha512) names nothing this registry holds and is simply unknown.
 */
public record OciDigest(String algorithm, String hex) {

  private static final Pattern GRAMMAR =
      Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{1,256}");
  private static final Pattern SHA256 = Pattern.compile("[a-f0-9]{64}");
  private static final Pattern SHA512 = Pattern.compile("[a-f0-9]{128}");

  /** Whether {@code reference} is shaped as a digest (a tag never holds ':'). */
  public static boolean looksLikeDigest(String reference) {
    return reference.indexOf(':') >= 0;
  }

  /**
   * The digest, or DIGEST_INVALID for text outside the grammar or a registered algorithm's form.
   */
  public static OciDigest parse(String text) {
    if (text == null || text.length() > 300 || !GRAMMAR.matcher(text).matches()) {
      throw OciError.digestInvalid("'" + shorten(text) + "' is not a digest (algorithm:encoded)");
    }
    int colon = text.indexOf(':');
    String algorithm = text.substring(0, colon);
    String hex = text.substring(colon + 1);
    boolean wellFormed =
        switch (algorithm) {
          case "sha256" -> SHA256.matcher(hex).matches();
          case "sha512" -> SHA512.matcher(hex).matches();
          default -> true;
        };
    if (!wellFormed) {
      throw OciError.digestInvalid(
          "'" + shorten(text) + "' is not a valid " + algorithm + " digest (lowercase hex)");
    }
    return new OciDigest(algorithm, hex);
  }

  /** The SHA-256 hex this registry stores blobs under, if this is a SHA-256 digest. */
  public Optional<String> sha256() {
    return algorithm.equals("sha256") ? Optional.of(hex) : Optional.empty();
  }

  public static String of(String sha256Hex) {
    return "sha256:" + sha256Hex;
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }

  static String shorten(String text) {
    if (text == null) {
      return "";
    }
    String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() > 80 ? printable.substring(0, 80) + "…" : printable;
  }
}
