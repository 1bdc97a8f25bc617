package dev.cairn.registry.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Token hashing and comparison: only hashes are stored, compared in constant time. */
public final class TokenHashes {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenHashes() {}

  /**
   * Copied for each hash: {@code MessageDigest.getInstance} searches the security providers on
   * every call, which was two thirds of hashing a bearer token on each request (issue 27 item 7).
   */
  private static final MessageDigest SHA_256 = sha256Digest();

  public static byte[] sha256(String token) {
    return fresh().digest(token.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest fresh() {
    try {
      return (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      return sha256Digest(); // a provider whose digests cannot be copied
    }
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  public static String sha256Hex(String token) {
    return HexFormat.of().formatHex(sha256(token));
  }

  /** Constant-time comparison of two digests. */
  public static boolean matches(byte[] presented, byte[] stored) {
    return MessageDigest.isEqual(presented, stored);
  }

  /** A fresh random token: 32 bytes, URL-safe, prefixed so it is recognisable in a leak scan. */
  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "cairn_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
