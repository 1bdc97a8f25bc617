package dev.cairn.registry.auth;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF tokens: a random one kept with each browser session (synchronizer), and for a JWT sent as
 * the {@code access_token} cookie one derived from the JWT itself, which a cross-site page cannot
 * compute because it can read neither the cookie nor a same-origin answer.
 */
public final class CsrfTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String JWT_PURPOSE = "cairn-csrf-for-cookie-jwt\n";

  private CsrfTokens() {}

  public static String fresh() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The token a write authenticated by the cookie JWT {@code jwt} must carry. */
  public static String forJwt(String jwt) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(TokenHashes.sha256(JWT_PURPOSE + jwt));
  }

  /** Constant-time comparison (of digests), so timing tells nothing about the expected token. */
  public static boolean matches(String presented, String expected) {
    return TokenHashes.matches(TokenHashes.sha256(presented), TokenHashes.sha256(expected));
  }
}
