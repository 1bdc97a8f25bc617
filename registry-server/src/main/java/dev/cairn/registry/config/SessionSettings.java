package dev.cairn.registry.config;

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
}
