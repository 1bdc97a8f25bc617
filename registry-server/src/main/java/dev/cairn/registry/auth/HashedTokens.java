package dev.cairn.registry.auth;

import java.util.List;
import java.util.Optional;

/** Finds the token whose hash matches, comparing every entry so timing does not tell which. */
final class HashedTokens {

  private HashedTokens() {}

  static Optional<Principal> match(List<HashedToken> tokens, String presented) {
    return matchDigest(tokens, TokenHashes.sha256(presented));
  }

  static Optional<Principal> matchDigest(List<HashedToken> tokens, byte[] digest) {
    HashedToken found = null;
    for (HashedToken token : tokens) {
      if (TokenHashes.matches(digest, token.sha256()) && found == null) {
        found = token;
      }
    }
    return Optional.ofNullable(found).map(HashedToken::principal);
  }
}
