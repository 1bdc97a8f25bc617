package dev.cairn.signing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Strict JSON for bundles and statements: duplicate keys, trailing data and deep nesting are
 * refused, and every type error becomes a {@code SIGNATURE_INVALID} naming the field.
 */
final class Json {
  static final ObjectMapper MAPPER =
      new ObjectMapper(
              JsonFactory.builder()
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(32).build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private Json() {}

  /** Parses a JSON object; anything else (empty, array, broken) is {@code SIGNATURE_INVALID}. */
  static JsonNode object(byte[] bytes, String what) throws SignatureRefusal {
    JsonNode node;
    try (JsonParser parser = MAPPER.createParser(bytes)) {
      node = MAPPER.readTree(parser);
    } catch (IOException e) {
      throw invalid(what + " is not valid JSON: " + firstLine(e.getMessage()));
    }
    if (node == null || !node.isObject()) {
      throw invalid(what + " must be a JSON object");
    }
    return node;
  }

  static JsonNode requireObject(JsonNode parent, String field, String where)
      throws SignatureRefusal {
    JsonNode node = parent.get(field);
    if (node == null || !node.isObject()) {
      throw invalid(where + "." + field + " must be an object");
    }
    return node;
  }

  static JsonNode requireArray(JsonNode parent, String field, String where)
      throws SignatureRefusal {
    JsonNode node = parent.get(field);
    if (node == null || !node.isArray()) {
      throw invalid(where + "." + field + " must be an array");
    }
    return node;
  }

  static String requireText(JsonNode parent, String field, String where) throws SignatureRefusal {
    return optionalText(parent, field, where)
        .orElseThrow(() -> invalid(where + "." + field + " is required"));
  }

  /** A string field that may be absent or null, but is a string when present. */
  static Optional<String> optionalText(JsonNode parent, String field, String where)
      throws SignatureRefusal {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw invalid(where + "." + field + " must be a string");
    }
    return Optional.of(node.textValue());
  }

  /** Refuses fields outside {@code allowed}: a strict reader must not skip what it ignores. */
  static void onlyFields(JsonNode node, Set<String> allowed, String where) throws SignatureRefusal {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw invalid(where + " has an unexpected field '" + shorten(name) + "'");
      }
    }
  }

  static SignatureRefusal invalid(String detail) {
    return SignatureRefusal.of(RefusalCode.SIGNATURE_INVALID, detail);
  }

  /** Caps text copied from hostile input into a detail line. */
  static String shorten(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return shorten(newline < 0 ? message : message.substring(0, newline));
  }
}
