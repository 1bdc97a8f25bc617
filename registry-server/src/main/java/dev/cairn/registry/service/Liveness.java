package dev.cairn.registry.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * What must be alive for this process to be worth keeping (spec 40-security, Hardening): the
 * internal threads and processes the server cannot work without. When one has died (an
 * OutOfMemoryError in the event listener, the embedded PostgreSQL killed), {@code /health/live}
 * fails, so Kubernetes restarts the pod instead of keeping a zombie that answers liveness.
 */
public final class Liveness {

  private final Map<String, BooleanSupplier> checks = new ConcurrentHashMap<>();

  /** Adds a check; {@code alive} must be cheap (no I/O): liveness probes run often. */
  public void register(String name, BooleanSupplier alive) {
    checks.put(name, alive);
  }

  /** Each check by name, true when alive, sorted by name. */
  public Map<String, Boolean> run() {
    Map<String, Boolean> result = new LinkedHashMap<>();
    checks.keySet().stream().sorted().forEach(name -> result.put(name, alive(checks.get(name))));
    return result;
  }

  private static boolean alive(BooleanSupplier check) {
    try {
      return check.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
