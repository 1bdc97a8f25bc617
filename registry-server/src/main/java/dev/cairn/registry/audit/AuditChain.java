package dev.cairn.registry.audit;

import dev.cairn.client.model.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash of an audit entry over {@code prev_hash || canonical JSON of the entry without hash},
 * hex-encoded; the first entry links to 64 zeros. Keyed (spec 40-security, Hardening) it is
 * HMAC-SHA256 with the server's audit key, so whoever can write the table but does not hold the key
 * cannot recompute a chain that verifies; entries written before the registry had a key are plain
 * SHA-256 ({@link #unkeyed()}).
 */
public final class AuditChain {

  public static final String GENESIS = "0".repeat(64);
  private static final String HMAC = "HmacSHA256";

  private final SecretKeySpec key;

  private AuditChain(SecretKeySpec key) {
    this.key = key;
  }

  public static AuditChain keyed(byte[] key) {
    return new AuditChain(new SecretKeySpec(key, HMAC));
  }

  /** The chain of entries written before the registry had an audit key. */
  public static AuditChain unkeyed() {
    return new AuditChain(null);
  }

  public String hash(AuditEntry entry) {
    return digest(entry.prevHash().getBytes(StandardCharsets.US_ASCII), CanonicalEntry.of(entry));
  }

  /**
   * The proof that entries from {@code keyedFrom} on are keyed: it cannot be moved without the key.
   */
  String proof(long keyedFrom) {
    return digest(("keyed-from:" + keyedFrom).getBytes(StandardCharsets.US_ASCII));
  }

  private String digest(byte[]... parts) {
    try {
      if (key == null) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (byte[] part : parts) {
          sha.update(part);
        }
        return HexFormat.of().formatHex(sha.digest());
      }
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      for (byte[] part : parts) {
        mac.update(part);
      }
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
