package dev.cairn.sidecar.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which models one sidecar serves (spec 50, Serving many models): one ({@code CAIRN_MODEL}), a list
 * ({@code CAIRN_MODELS}) or every live model whose labels match a selector ({@code
 * CAIRN_MODEL_SELECTOR}, {@code k=v,k2=v2}); whether they load at start ({@code CAIRN_PRELOAD}) or
 * on first request; and the bound on what is loaded at once ({@code CAIRN_MAX_LOADED_MODELS},
 * {@code CAIRN_MAX_LOADED_BYTES}; least recently used models are unloaded, their verified bytes
 * stay cached).
 */
public record FleetSettings(
    List<String> models,
    Map<String, String> selector,
    boolean preload,
    int maxLoadedModels,
    long maxLoadedBytes) {

  public static final int DEFAULT_MAX_LOADED_MODELS = 100;
  public static final long DEFAULT_MAX_LOADED_BYTES = 4L << 30;

  /** One model, loaded at start: the sidecar of spec 50 before fleets. */
  public static FleetSettings single(String model) {
    return new FleetSettings(
        List.of(model), Map.of(), true, DEFAULT_MAX_LOADED_MODELS, DEFAULT_MAX_LOADED_BYTES);
  }

  /** Whether models are chosen by labels rather than by name. */
  public boolean bySelector() {
    return !selector.isEmpty();
  }

  /** Whether {@code labels} (a model's) satisfy the selector. */
  public boolean matches(Map<String, String> labels) {
    return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }

  /** {@code task=ink-inspection,line=3} → its pairs; a pair without {@code =} is refused. */
  static Map<String, String> parseSelector(String selector) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String pair : selector.split(",")) {
      String trimmed = pair.strip();
      int eq = trimmed.indexOf('=');
      if (eq <= 0 || eq == trimmed.length() - 1) {
        throw new IllegalArgumentException(
            "CAIRN_MODEL_SELECTOR must be key=value pairs separated by commas, not '"
                + selector
                + "'");
      }
      pairs.put(trimmed.substring(0, eq).strip(), trimmed.substring(eq + 1).strip());
    }
    return Map.copyOf(pairs);
  }
}
