package dev.cairn.registry.http.routes;

import java.util.ArrayList;
import java.util.List;

/**
 * Paths built from a route template, to try matchers against: the template filled with each value
 * ({@code {+rest}} as several segments), and broken around it (a trailing slash, one segment more,
 * one less, the last one replaced). What both route tests feed the registry's whole route table.
 */
final class TemplatePaths {

  private TemplatePaths() {}

  /** {@code template} filled with {@code value}. */
  static String filled(String template, String value) {
    return template
        .replaceAll("\\{\\+[^}]+}", "r/" + value + "/s")
        .replaceAll("\\{[^}]+}", value)
        .replace("*", value);
  }

  /**
   * For each value, the filled path and its neighbours: with a slash, with {@code child} appended,
   * without its last segment, and with {@code sibling} instead of it.
   */
  static List<String> around(String template, List<String> values, String child, String sibling) {
    List<String> out = new ArrayList<>();
    for (String value : values) {
      String filled = filled(template, value);
      out.add(filled);
      out.add(filled + "/");
      out.add(filled + "/" + child);
      out.add(filled.replaceFirst("/[^/]*$", ""));
      out.add(filled.replaceFirst("/[^/]*$", "/" + sibling));
    }
    return out;
  }
}
