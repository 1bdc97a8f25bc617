package dev.cairn.registry.config;

import java.util.Locale;

/**
 * Which requests get an access line ({@code CAIRN_ACCESS_LOG}): {@code api} (the default) every
 * request but the probes and {@code /metrics} when they succeed, which a cluster calls every few
 * seconds; {@code all} every request; {@code off} none. Write lines and metrics are kept in every
 * mode.
 */
public enum AccessLog {
  API,
  ALL,
  OFF;

  public static AccessLog parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new StartupException(
          "CAIRN_ACCESS_LOG must be one of api, all, off, not '" + value + "'");
    }
  }

  /** Whether a request to {@code route} answered {@code status} gets an access line. */
  public boolean logs(String route, int status) {
    return switch (this) {
      case ALL -> true;
      case OFF -> false;
      case API -> status >= 400 || !(route.startsWith("/health") || route.equals("/metrics"));
    };
  }
}
