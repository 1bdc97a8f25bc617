package dev.cairn.registry.http;

import dev.cairn.registry.auth.Principal;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;

/** Carries the authenticated {@link Principal} from the auth filter to the handlers. */
public final class AuthContext {

  private static final String CONTEXT_KEY = "cairn.principal";

  private AuthContext() {}

  static void set(ServerRequest req, Principal principal) {
    req.context().register(CONTEXT_KEY, principal);
  }

  public static Optional<Principal> get(ServerRequest req) {
    return req.context().get(CONTEXT_KEY, Principal.class);
  }
}
