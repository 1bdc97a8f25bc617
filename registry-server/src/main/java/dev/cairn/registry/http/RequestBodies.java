package dev.cairn.registry.http;

import dev.cairn.registry.domain.ApiException;
import io.helidon.webserver.http.ServerRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where every handler reads a request body. A signed request's body is held to the digest its
 * signature covers: the bytes are hashed as they are read, and reaching the end with other bytes
 * than those signed refuses the request (401) before any handler commits what it read.
 */
public final class RequestBodies {

  private static final String SIGNED_DIGEST = "cairn.signed-body-sha256";

  private RequestBodies() {}

  static void holdTo(ServerRequest req, String sha256Hex) {
    req.context().register(SIGNED_DIGEST, sha256Hex);
  }

  /** The body of {@code req}, checked against its signed digest when it has one. */
  public static InputStream open(ServerRequest req) {
    InputStream in = req.content().inputStream();
    return req.context()
        .get(SIGNED_DIGEST, String.class)
        .<InputStream>map(digest -> new Signed(in, digest))
        .orElse(in);
  }

  /** Hashes what passes; at the end, refuses bytes other than those signed. */
  private static final class Signed extends FilterInputStream {
    private final String expected;
    private final MessageDigest digest;
    private boolean checked;

    Signed(InputStream in, String expected) {
      super(in);
      this.expected = expected;
      try {
        this.digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        digest.update(buffer, offset, n);
      } else if (n < 0 && !checked) {
        checked = true;
        if (!HexFormat.of().formatHex(digest.digest()).equals(expected)) {
          throw new ApiException(
              401,
              "UNAUTHENTICATED",
              "the request body is not the one signed: its SHA-256 differs from the signed"
                  + " X-Checksum-Sha256");
        }
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
    }
  }
}
