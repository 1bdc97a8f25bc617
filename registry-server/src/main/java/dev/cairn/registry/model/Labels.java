package dev.cairn.registry.model;

import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Text;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Label maps and {@code label=key:value} filters, validated the same way everywhere. */
public final class Labels {

  private static final int MAX_LABELS = 64;
  private static final int MAX_KEY = 128;
  private static final int MAX_VALUE = 512;

  private Labels() {}

  public static Map<String, String> valid(Map<String, String> labels) {
    if (labels == null) {
      return Map.of();
    }
    if (labels.size() > MAX_LABELS) {
      throw ApiException.badRequest("at most " + MAX_LABELS + " labels");
    }
    labels.forEach(
        (key, value) -> {
          Text.requirePlain("a label key", key);
          Text.requirePlain("label '" + Text.printable(key) + "'", value);
          if (key.isBlank() || key.length() > MAX_KEY || key.contains(":")) {
            throw ApiException.badRequest(
                "label keys are 1-"
                    + MAX_KEY
                    + " characters without ':'; got '"
                    + Text.printable(key)
                    + "'");
          }
          if (value == null || value.length() > MAX_VALUE) {
            throw ApiException.badRequest(
                "label '" + key + "' needs a value of at most " + MAX_VALUE + " characters");
          }
        });
    return new TreeMap<>(labels);
  }

  /**
   * Parses {@code key:value} filters into the map every match must contain; empty when two filters
   * ask for different values of one key, which no item can satisfy.
   */
  public static Optional<Map<String, String>> filters(List<String> filters) {
    Map<String, String> wanted = new LinkedHashMap<>();
    for (String filter : filters) {
      int colon = filter.indexOf(':');
      if (colon <= 0) {
        throw ApiException.badRequest(
            "label filters are key:value; got '" + Text.printable(filter) + "'");
      }
      String key = filter.substring(0, colon);
      String value = filter.substring(colon + 1);
      String previous = wanted.putIfAbsent(key, value);
      if (previous != null && !previous.equals(value)) {
        return Optional.empty();
      }
    }
    return Optional.of(wanted);
  }
}
