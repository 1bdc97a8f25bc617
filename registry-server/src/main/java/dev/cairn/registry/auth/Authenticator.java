package dev.cairn.registry.auth;

import java.time.Instant;
import java.util.Optional;

/** One source of identities: a token it recognises becomes a {@link Principal}. */
public interface Authenticator {

  /** The caller behind {@code bearerToken}, or empty when this source does not know it. */
  Optional<Principal> authenticate(String bearerToken);

  /**
   * The identity behind a credential this source recognises as genuinely issued for someone but
   * refuses (a JWT signed by a trusted key that has expired or names another audience), so the
   * refusal can be audited under that name; empty for anything else, including unknown tokens,
   * whose claimed names nobody vouches for.
   */
  default Optional<String> refusedIdentity(String bearerToken) {
    return Optional.empty();
  }

  /**
   * When {@code bearerToken}, which this source authenticates, stops being valid (a JWT's {@code
   * exp}); empty for tokens without an end of their own. A browser session never outlives it.
   */
  default Optional<Instant> expiresAt(String bearerToken) {
    return Optional.empty();
  }

  /**
   * The caller behind the token whose SHA-256 is {@code sha256}, for sources that keep only hashes
   * (tokens file, stored tokens): a browser session opened with such a token asks again on every
   * request, so withdrawing the token or changing its roles takes effect at once. Empty for sources
   * that need the token itself (JWT).
   */
  default Optional<Principal> authenticateDigest(byte[] sha256) {
    return Optional.empty();
  }
}
