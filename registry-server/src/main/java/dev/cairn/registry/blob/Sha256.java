package dev.cairn.registry.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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

  /** Bytes written to a local file, with their lower-case hex SHA-256. */
  public record Copied(String sha256, long size) {}

  /** Streams {@code in} into {@code target} (replacing it), hashing on the way. */
  public static Copied copy(InputStream in, Path target) throws IOException {
    MessageDigest sha = newDigest();
    long size;
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), sha)) {
      size = in.transferTo(out);
    }
    return new Copied(HexFormat.of().formatHex(sha.digest()), size);
  }
}
