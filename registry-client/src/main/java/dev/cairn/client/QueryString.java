package dev.cairn.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Builds a URL query string, skipping absent values and encoding the rest. */
final class QueryString {

  private final StringJoiner joiner = new StringJoiner("&", "?", "").setEmptyValue("");

  QueryString add(String name, Object value) {
    if (value != null) {
      joiner.add(encode(name) + "=" + encode(String.valueOf(value)));
    }
    return this;
  }

  QueryString addAll(String name, Iterable<String> values) {
    if (values != null) {
      values.forEach(v -> add(name, v));
    }
    return this;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return joiner.toString();
  }
}
