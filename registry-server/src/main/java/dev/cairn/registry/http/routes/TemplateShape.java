package dev.cairn.registry.http.routes;

import java.util.Arrays;

/**
 * A path template's one-segment positions (literal text, null for a parameter) and whether a {@code
 * {+rest}} parameter follows them: enough to prove that two routes never match the same path (issue
 * 27 item 7: the resolve route goes first only when that is proven).
 */
record TemplateShape(String[] fixed, boolean rest) {

  /**
   * Whether no path can match both templates, proven from their segments: true only when both are
   * made of one-segment parameters and plain literals (letters, digits, '-', '_', so a literal is
   * literal in Helidon's pattern too), perhaps ending in a {@code {+rest}} parameter, and either
   * some position before any rest holds two different literals, or neither has a rest and their
   * segment counts differ. A one-segment parameter matches one non-empty segment, so such a
   * template of n segments matches only paths of n non-empty segments (an exact one perhaps also
   * with a trailing '/', whose empty last segment the other cannot match either). False means "not
   * proven".
   */
  static boolean disjoint(String a, String b) {
    TemplateShape x = of(a);
    TemplateShape y = of(b);
    if (x == null || y == null) {
      return false;
    }
    int common = Math.min(x.fixed().length, y.fixed().length);
    for (int i = 0; i < common; i++) {
      String p = x.fixed()[i];
      String q = y.fixed()[i];
      if (p != null && q != null && !p.equals(q)) {
        return true;
      }
    }
    return !x.rest() && !y.rest() && x.fixed().length != y.fixed().length;
  }

  /** The shape of {@code template}, or null when it is not that plain. */
  static TemplateShape of(String template) {
    if (template.equals("/")) {
      return new TemplateShape(new String[0], false); // matches "/" alone: no non-empty segment
    }
    if (!template.startsWith("/")) {
      return null;
    }
    String[] segments = template.substring(1).split("/", -1);
    boolean rest = isRest(segments[segments.length - 1]);
    String[] fixed =
        Arrays.copyOf(segments, rest ? segments.length - 1 : segments.length, String[].class);
    for (int i = 0; i < fixed.length; i++) {
      if (TemplatePathMatcher.isParameter(fixed[i])) {
        fixed[i] = null;
      } else if (!isPlainLiteral(fixed[i])) {
        return null;
      }
    }
    return new TemplateShape(fixed, rest);
  }

  private static boolean isRest(String segment) {
    return segment.startsWith("{+")
        && segment.endsWith("}")
        && TemplatePathMatcher.isName(segment.substring(2, segment.length() - 1));
  }

  private static boolean isPlainLiteral(String segment) {
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (!((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_')) {
        return false;
      }
    }
    return !segment.isEmpty();
  }
}
