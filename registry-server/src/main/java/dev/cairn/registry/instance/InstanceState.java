package dev.cairn.registry.instance;

import java.util.Arrays;
import java.util.Optional;

/**
 * The states a sidecar reports for its instance (spec 10-registry-api, Instances): {@code LOADING}
 * while it swaps models in, {@code READY} when it serves them, {@code DEGRADED} when it serves less
 * than it should. The report carries {@link #wire()}; the registry stores it as it came.
 */
public enum InstanceState {
  LOADING,
  READY,
  DEGRADED;

  /** The name a report carries. */
  public String wire() {
    return name();
  }

  /** The state a report names, if it names one. */
  public static Optional<InstanceState> reported(String wire) {
    return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
  }
}
