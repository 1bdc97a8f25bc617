package dev.cairn.registry.config;

import static dev.cairn.registry.config.ConfigValues.integer;

import io.helidon.config.Config;
import java.time.Duration;

/**
 * Browser sessions (issue 26 item 13): the longest a session may live — a token without an expiry
 * of its own (tokens file, bootstrap admin) gets this lifetime, a JWT the shorter of this and its
 * {@code exp} — and whether the cookie is marked {@code Secure}, which only plain-HTTP development
 * may turn off.
 */
public record SessionSettings(Duration maxLifetime, boolean secureCookie) {

  public SessionSettings {
    if (maxLifetime.isNegative() || maxLifetime.isZero()) {
      throw new StartupException("CAIRN_SESSION_MAX_HOURS must be at least 1");
    }
  }

  /**
   * A cookie without {@code Secure} would travel over plain HTTP, so only development may ask for
   * one (a browser at http://localhost accepts Secure cookies anyway; this is for a development
   * registry reached by another name over plain HTTP).
   */
  static SessionSettings read(Config c, String environment) {
    boolean secure = c.get("sessions.secure-cookie").asBoolean().orElse(true);
    if (!secure && "production".equals(environment)) {
      throw new StartupException(
          "CAIRN_SESSION_SECURE_COOKIE=false is for plain-HTTP development only, not production.");
    }
    return new SessionSettings(Duration.ofHours(integer(c, "sessions.max-hours", 12)), secure);
  }
}
