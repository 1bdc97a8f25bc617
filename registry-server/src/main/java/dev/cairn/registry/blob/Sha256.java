package dev.cairn.registry.blob;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** New SHA-256 digests, the hash every byte the registry keeps or checks is addressed by. */
public final class Sha256 {

  private Sha256() {}

  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
