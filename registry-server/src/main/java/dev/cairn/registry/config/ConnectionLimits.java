package dev.cairn.registry.config;

import java.time.Duration;

/**
 * How many connections the registry holds open and for how long one may sit idle (spec 40-security,
 * Hardening: connections are bounded). The bound keeps the process below its file-descriptor limit,
 * so accepting never fails for want of one; connections past it wait in the listen backlog until
 * one closes.
 */
public record ConnectionLimits(int maxConnections, Duration idleTimeout) {

  public ConnectionLimits {
    if (maxConnections < 1) {
      throw new StartupException("CAIRN_MAX_CONNECTIONS must be at least 1, not " + maxConnections);
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new StartupException("CAIRN_IDLE_TIMEOUT_SECONDS must be at least 1");
    }
  }

  /** How often idle connections are looked for: a tenth of the timeout, within 1–10 s. */
  public Duration idleCheckPeriod() {
    long millis = Math.clamp(idleTimeout.toMillis() / 10, 1_000, 10_000);
    return Duration.ofMillis(millis);
  }
}
