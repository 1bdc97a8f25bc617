package dev.cairn.registry.config;

import io.helidon.config.Config;
import java.util.Map;
import java.util.Optional;

/**
 * One typed value read from the registry's configuration, refused at start with the environment
 * variable that set it named ({@code CAIRN_PORT must be a number}). {@link SettingsLoader}
 * assembles the settings from these reads; this class knows only how to read and refuse one value.
 */
final class ConfigValues {

  private ConfigValues() {}

  /** The environment variable that sets {@code key}, for messages ({@code CAIRN_PORT}). */
  private static String variableOf(String key) {
    return SettingsLoader.ENVIRONMENT_KEYS.entrySet().stream()
        .filter(e -> e.getValue().equals(key))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse("'" + key + "'");
  }

  static Optional<String> optional(Config c, String key) {
    return c.get(key).asString().asOptional().map(String::trim).filter(s -> !s.isEmpty());
  }

  static long number(Config c, String key, long fallback) {
    Optional<String> raw = optional(c, key);
    try {
      return raw.map(Long::parseLong).orElse(fallback);
    } catch (NumberFormatException e) {
      throw new StartupException(variableOf(key) + " must be a number, not '" + raw.get() + "'.");
    }
  }

  static int integer(Config c, String key, int fallback) {
    Optional<String> raw = optional(c, key);
    try {
      return raw.map(Integer::parseInt).orElse(fallback);
    } catch (NumberFormatException e) {
      throw new StartupException(variableOf(key) + " must be a number, not '" + raw.get() + "'.");
    }
  }
}
