package dev.cairn.registry.auth;

import java.util.Optional;

/** One source of identities: a token it recognises becomes a {@link Principal}. */
public interface Authenticator {

  /** The caller behind {@code bearerToken}, or empty when this source does not know it. */
  Optional<Principal> authenticate(String bearerToken);
}
