package dev.cairn.registry.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 and length of a stream, read in fixed chunks and never past a limit. */
public record StreamDigest(String sha256, long size, boolean overLimit) {

  private static final int CHUNK = 256 * 1024;

  public static StreamDigest of(InputStream in, long limit) throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[CHUNK];
      long read = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        read += n;
        if (read > limit) {
          return new StreamDigest(null, read, true);
        }
        sha.update(buffer, 0, n);
      }
      return new StreamDigest(HexFormat.of().formatHex(sha.digest()), read, false);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean matches(String expectedSha, long expectedSize) {
    return !overLimit && size == expectedSize && expectedSha.equals(sha256);
  }
}
