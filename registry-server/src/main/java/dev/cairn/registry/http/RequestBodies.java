package dev.cairn.registry.http;

import dev.cairn.registry.domain.ApiException;
import io.helidon.webserver.http.ServerRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where every handler reads a request body. A signed request's body is held to the digest its
 * signature covers: the bytes are hashed as they are read, and reaching the end with other bytes
 * than those signed refuses the request (401) before any handler commits what it read — and gives
 * its signature back, so the genuine request is not then refused as a replay.
 */
public final class RequestBodies {

  private static final Logger LOG = Logger.getLogger(RequestBodies.class.getName());

  /** The digest a signed body must have, and what to do when it has another. */
  private record Held(String sha256Hex, Runnable onMismatch) {}

  private static final String SIGNED_DIGEST = "cairn.signed-body-sha256";

  private RequestBodies() {}

  /** Holds the body of {@code req} to {@code sha256Hex}; {@code onMismatch} runs before the 401. */
  static void holdTo(ServerRequest req, String sha256Hex, Runnable onMismatch) {
    req.context().register(SIGNED_DIGEST, new Held(sha256Hex, onMismatch));
  }

  /** Whether the body of {@code req} is held to a signed digest. */
  public static boolean signed(ServerRequest req) {
    return req.context().get(SIGNED_DIGEST, Held.class).isPresent();
  }

  /** The body of {@code req}, checked against its signed digest when it has one. */
  public static InputStream open(ServerRequest req) {
    InputStream in = req.content().inputStream();
    return req.context()
        .get(SIGNED_DIGEST, Held.class)
        .<InputStream>map(held -> new Signed(in, held))
        .orElse(in);
  }

  /** Hashes what passes; at the end, refuses bytes other than those signed. */
  private static final class Signed extends FilterInputStream {
    private final Held held;
    private final MessageDigest digest;
    private boolean checked;

    Signed(InputStream in, Held held) {
      super(in);
      this.held = held;
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
        if (!HexFormat.of().formatHex(digest.digest()).equals(held.sha256Hex())) {
          giveBack();
          throw new ApiException(
              401,
              "UNAUTHENTICATED",
              "the request body is not the one signed: its SHA-256 differs from the signed"
                  + " X-Checksum-Sha256");
        }
      }
      return n;
    }

    private void giveBack() {
      try {
        held.onMismatch().run();
      } catch (RuntimeException e) {
        // The refusal stands; the genuine request may then be refused as a replay.
        LOG.log(Level.WARNING, "a tampered request's signature could not be given back", e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
    }
  }
}
