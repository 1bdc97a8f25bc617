package dev.cairn.client.signing;

import java.nio.charset.StandardCharsets;

/**
 * A pre-shared signing key: its id (the audit actor) and its secret. {@link #toString()} never
 * shows the secret.
 */
public record SigningKey(String keyId, String secret) {

  public SigningKey {
    if (keyId == null || !keyId.matches("[A-Za-z0-9._-]{1,128}")) {
      throw new IllegalArgumentException(
          "a key id is 1-128 letters, digits, '.', '_' or '-', not '" + keyId + "'");
    }
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException(
          "the secret of key '" + keyId + "' is under 16 characters");
    }
  }

  public byte[] secretBytes() {
    return secret.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "SigningKey[" + keyId + "]";
  }
}
