package dev.cairn.registry.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps webhook secrets encrypted at rest: AES-256-GCM under a key derived from the audit key
 * (HMAC-SHA256 of a fixed label), which is kept out of the database (CAIRN_AUDIT_KEY or the data
 * directory's {@code audit-key}) and which replicas sharing a database already share. The
 * endpoint's id is the associated data, so a ciphertext copied to another row does not decrypt. A
 * stored value is the 12-byte nonce followed by the ciphertext and its tag.
 */
public final class SecretBox {

  private static final String LABEL = "cairn webhook secrets v1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  public SecretBox(byte[] auditKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(auditKey, "HmacSHA256"));
      key = new SecretKeySpec(mac.doFinal(LABEL.getBytes(StandardCharsets.UTF_8)), "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  public byte[] seal(UUID endpoint, String secret) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(endpoint));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** The secret sealed for {@code endpoint}; fails when the key differs or the bytes were moved. */
  public String open(UUID endpoint, byte[] sealed) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
      cipher.updateAAD(aad(endpoint));
      byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "a webhook secret does not decrypt: was the audit key changed?", e);
    }
  }

  private static byte[] aad(UUID endpoint) {
    return endpoint.toString().getBytes(StandardCharsets.UTF_8);
  }
}
