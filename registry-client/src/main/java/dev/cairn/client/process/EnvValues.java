package dev.cairn.client.process;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Reads typed values from a process's environment, refusing a bad one with a message that names the
 * variable (it becomes the process's one "cannot start" line). Shared by the operator and the
 * sidecar.
 */
public final class EnvValues {

  /** The largest port number. */
  public static final long MAX_PORT = 65535;

  private EnvValues() {}

  /** A whole number from 0 to {@code max}; {@code fallback} when the variable is unset or blank. */
  public static long number(Map<String, String> env, String name, long fallback, long max) {
    String raw = env.get(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(raw.trim());
      if (parsed >= 0 && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException(
        name + " must be a whole number from 0 to " + max + ", not '" + raw + "'");
  }

  /** An absolute URL ({@code scheme://host…}) named by {@code name}. */
  public static URI url(String name, String value) {
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new URISyntaxException(value, "not an absolute http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(name + " is not a URL: " + e.getMessage());
    }
  }
}
