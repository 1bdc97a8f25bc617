package dev.cairn.registry.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Asks each configured identity source in turn; the first that knows the token wins. */
public final class Authenticators implements Authenticator {

  private final List<Authenticator> sources;

  public Authenticators(List<Authenticator> sources) {
    this.sources = List.copyOf(sources);
  }

  public boolean isEmpty() {
    return sources.isEmpty();
  }

  @Override
  public Optional<Principal> authenticate(String bearerToken) {
    for (Authenticator source : sources) {
      Optional<Principal> principal = source.authenticate(bearerToken);
      if (principal.isPresent()) {
        return principal;
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> refusedIdentity(String bearerToken) {
    for (Authenticator source : sources) {
      Optional<String> name = source.refusedIdentity(bearerToken);
      if (name.isPresent()) {
        return name;
      }
    }
    return Optional.empty();
  }

  /** The end of {@code bearerToken} as the source that authenticates it tells it. */
  @Override
  public Optional<Instant> expiresAt(String bearerToken) {
    for (Authenticator source : sources) {
      if (source.authenticate(bearerToken).isPresent()) {
        return source.expiresAt(bearerToken);
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<Principal> authenticateDigest(byte[] sha256) {
    for (Authenticator source : sources) {
      Optional<Principal> principal = source.authenticateDigest(sha256);
      if (principal.isPresent()) {
        return principal;
      }
    }
    return Optional.empty();
  }
}
