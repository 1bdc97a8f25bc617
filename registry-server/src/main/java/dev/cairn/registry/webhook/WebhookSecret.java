package dev.cairn.registry.webhook;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A signing secret: {@code whsec_} and the base64 of 32 random bytes (issue 30 item 1). Standard
 * Webhooks signs with the decoded bytes after the prefix; MLflow with the string's UTF-8 bytes.
 */
public record WebhookSecret(String value) {

  static final String PREFIX = "whsec_";
  private static final SecureRandom RANDOM = new SecureRandom();

  public static WebhookSecret generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(bytes));
  }

  /** The HMAC key of the Standard Webhooks signature. */
  byte[] standardKey() {
    return Base64.getDecoder().decode(value.substring(PREFIX.length()));
  }

  /** The HMAC key of MLflow's signature: the secret as the receiver configured it. */
  byte[] mlflowKey() {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    // A record prints its components: this one must never reach a log line.
    return "WebhookSecret[redacted]";
  }
}
