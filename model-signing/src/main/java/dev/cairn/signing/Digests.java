package dev.cairn.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/** SHA-256 and hex helpers shared by the statement, the key hint and the manifest check. */
public final class Digests {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final HexFormat HEX = HexFormat.of();

  private Digests() {}

  /** A fresh SHA-256 digest (always present on a Java platform). */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  public static String sha256Hex(byte[] data) {
    return HEX.formatHex(sha256().digest(data));
  }

  /** Whether {@code text} is a lowercase hex SHA-256, as OMS and Cairn write them. */
  public static boolean isSha256Hex(String text) {
    return text != null && SHA256_HEX.matcher(text).matches();
  }

  /**
   * The OMS root digest (spec §6.5.1): SHA-256 over the raw bytes of each resource digest,
   * concatenated in the order given (the caller passes them sorted by name).
   */
  public static String rootDigest(List<String> hexDigests) {
    MessageDigest digest = sha256();
    for (String hex : hexDigests) {
      digest.update(HEX.parseHex(hex));
    }
    return HEX.formatHex(digest.digest());
  }
}
