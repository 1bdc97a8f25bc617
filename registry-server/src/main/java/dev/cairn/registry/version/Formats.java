package dev.cairn.registry.version;

import dev.cairn.registry.domain.ApiException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The catalogue of version formats (issue 13: a typo must not become production). The runtimes'
 * formats are loaded and checked by validation; the opaque ones are documented names the registry
 * stores without loading (KServe's model format names and common file formats), so their validation
 * shows {@code load: NOT_APPLICABLE}. {@code CAIRN_EXTRA_FORMATS} adds names. Anything else is 400
 * {@code UNKNOWN_FORMAT}, naming the closest known one.
 */
public final class Formats {

  /** Formats a runtime loads and validates. */
  public static final List<String> VALIDATED = List.of("onnx", "color-signature");

  /** Formats stored as opaque bytes. */
  public static final List<String> OPAQUE =
      List.of(
          "generic",
          "custom",
          "sklearn",
          "xgboost",
          "lightgbm",
          "pytorch",
          "tensorflow",
          "triton",
          "huggingface",
          "pmml",
          "paddle",
          "mlflow",
          "safetensors",
          "gguf");

  private final Set<String> known = new TreeSet<>();

  public Formats(List<String> extra) {
    known.addAll(VALIDATED);
    known.addAll(OPAQUE);
    extra.stream()
        .map(f -> f.trim().toLowerCase(Locale.ROOT))
        .filter(f -> !f.isEmpty())
        .forEach(known::add);
  }

  /** {@code format} if it is known, else 400 {@code UNKNOWN_FORMAT}. */
  public String require(String format) {
    if (known.contains(format)) {
      return format;
    }
    String closest =
        known.stream().min(Comparator.comparingInt(k -> distance(k, format))).orElseThrow();
    String hint = distance(closest, format) <= 2 ? "did you mean '" + closest + "'? " : "";
    throw new ApiException(
            400,
            "UNKNOWN_FORMAT",
            "format '" + format + "' is not known; " + hint + "known formats: " + known)
        .with("closest", closest);
  }

  /** Levenshtein distance: how many single-character edits turn {@code a} into {@code b}. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
