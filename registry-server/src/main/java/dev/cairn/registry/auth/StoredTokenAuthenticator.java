package dev.cairn.registry.auth;

import java.util.List;
import java.util.Optional;

/** Tokens the server issued itself (the bootstrap admin), matched by hash. */
public final class StoredTokenAuthenticator implements Authenticator {

  private final List<HashedToken> tokens;

  StoredTokenAuthenticator(List<HashedToken> tokens) {
    this.tokens = List.copyOf(tokens);
  }

  @Override
  public Optional<Principal> authenticate(String bearerToken) {
    return HashedTokens.match(tokens, bearerToken);
  }

  @Override
  public Optional<Principal> authenticateDigest(byte[] sha256) {
    return HashedTokens.matchDigest(tokens, sha256);
  }
}
