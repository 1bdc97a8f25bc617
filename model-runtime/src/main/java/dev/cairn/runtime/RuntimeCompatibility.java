package dev.cairn.runtime;

import java.util.Locale;

/**
 * Checks a version's {@code runtime} block against the runtime that would load it, before any byte
 * is loaded: a foreign runtime name, a {@code min_version} newer than ours or an opset past ours is
 * {@code RUNTIME_INCOMPATIBLE} (seed 001's loader rule).
 */
public final class RuntimeCompatibility {

  private RuntimeCompatibility() {}

  public static void check(ModelRuntime runtime, RuntimeRequirement requirement)
      throws RuntimeFailure {
    if (requirement.nameIfAny().isPresent()
        && !runtime.names().contains(requirement.name().toLowerCase(Locale.ROOT))) {
      throw RuntimeFailure.incompatible(
          "runtime " + requirement.name() + " is not one of " + runtime.names());
    }
    if (requirement.minVersion() != null
        && compare(requirement.minVersion(), runtime.version()) > 0) {
      throw RuntimeFailure.incompatible(
          "needs "
              + runtime.format()
              + " runtime "
              + requirement.minVersion()
              + " or newer; this is "
              + runtime.version());
    }
    if (requirement.opset() != null && requirement.opset() > runtime.maxOpset()) {
      throw RuntimeFailure.incompatible(
          "needs opset " + requirement.opset() + "; this runtime runs up to " + runtime.maxOpset());
    }
  }

  /** Compares dotted versions numerically ({@code 1.10} is newer than {@code 1.9}). */
  static int compare(String left, String right) {
    String[] a = left.split("[.-]");
    String[] b = right.split("[.-]");
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      int difference = Long.compare(number(a, i), number(b, i));
      if (difference != 0) {
        return difference;
      }
    }
    return 0;
  }

  private static long number(String[] parts, int index) {
    if (index >= parts.length) {
      return 0;
    }
    String digits = parts[index].replaceAll("\\D.*", "");
    return digits.isEmpty() ? 0 : Long.parseLong(digits);
  }
}
