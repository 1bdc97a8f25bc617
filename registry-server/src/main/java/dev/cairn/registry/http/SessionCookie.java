package dev.cairn.registry.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * The cookies a browser authenticates with: {@code cairn_session} (the registry's own session, set
 * by {@code POST /api/v1/session}) and {@code access_token} (a JWT, as seed 001's clients send it);
 * reading them from {@code Cookie} and writing the session's {@code Set-Cookie}.
 */
public final class SessionCookie {

  public static final String SESSION = "cairn_session";
  static final String ACCESS_TOKEN = "access_token";

  private final boolean secure;

  public SessionCookie(boolean secure) {
    this.secure = secure;
  }

  /** The first value of cookie {@code name} in the request's {@code Cookie} headers. */
  public static Optional<String> read(ServerRequest req, String name) {
    if (!req.headers().contains(HeaderNames.COOKIE)) {
      return Optional.empty();
    }
    for (String header : req.headers().get(HeaderNames.COOKIE).allValues()) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
          return Optional.of(unquoted(pair.substring(eq + 1).trim())).filter(v -> !v.isEmpty());
        }
      }
    }
    return Optional.empty();
  }

  /** The cookie that carries session {@code id} for {@code lifetime} (rounded down to seconds). */
  public String set(String id, Duration lifetime) {
    return SESSION + "=" + id + attributes(Math.max(0, lifetime.toSeconds()));
  }

  /** The cookie that makes the browser forget the session at once. */
  public String clear() {
    return SESSION + "=" + attributes(0);
  }

  private String attributes(long maxAgeSeconds) {
    return "; Path=/; Max-Age="
        + maxAgeSeconds
        + "; HttpOnly"
        + (secure ? "; Secure" : "")
        + "; SameSite=Strict";
  }

  private static String unquoted(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }
}
