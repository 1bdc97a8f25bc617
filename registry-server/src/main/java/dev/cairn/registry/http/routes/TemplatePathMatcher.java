package dev.cairn.registry.http.routes;

import io.helidon.common.uri.UriPath;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Helidon's matcher of a path template, asked only when the path has the template's literal
 * segments where the template has them. Helidon tries the routes one after the other, each with a
 * regular expression, until one matches: under wrk, 40% of a cached resolve's CPU went to trying
 * the ~100 routes registered before it (issue 27 item 7, benchmarks/README.md "Resolve profile").
 * Comparing a few segments rejects nearly all of them; whatever passes goes to Helidon's own
 * matcher, which decides and extracts the parameters as before.
 */
final class TemplatePathMatcher implements PathMatcher {

  private final PathMatcher helidon;

  /** Per segment of the template: its text when literal, null for a one-segment parameter. */
  private final String[] literals;

  /** Index of the last literal segment, -1 when there is none. */
  private final int last;

  private TemplatePathMatcher(PathMatcher helidon, String[] literals) {
    this.helidon = helidon;
    this.literals = literals;
    int lastLiteral = -1;
    for (int i = 0; i < literals.length; i++) {
      if (literals[i] != null) {
        lastLiteral = i;
      }
    }
    this.last = lastLiteral;
  }

  static PathMatcher of(String template) {
    PathMatcher helidon = PathMatchers.create(template);
    if (!template.startsWith("/")) {
      return helidon;
    }
    List<String> literals = new ArrayList<>();
    for (String segment : template.substring(1).split("/", -1)) {
      if (isParameter(segment)) {
        literals.add(null);
      } else if (isLiteral(segment)) {
        literals.add(segment);
      } else {
        break; // {+rest}, a wildcard or a mixed segment: only Helidon's pattern knows
      }
    }
    return new TemplatePathMatcher(helidon, literals.toArray(String[]::new));
  }

  @Override
  public PathMatchers.MatchResult match(UriPath path) {
    return mayMatch(path.path()) ? helidon.match(path) : PathMatchers.MatchResult.notAccepted();
  }

  @Override
  public PathMatchers.PrefixMatchResult prefixMatch(UriPath path) {
    return helidon.prefixMatch(path);
  }

  /**
   * False only when the pattern cannot match: a literal segment differs, or the path ends before
   * it. A one-segment parameter never spans a '/', so each literal has a fixed position. The last
   * literal is compared first: nearly every route shares {@code /api/v1/projects/{project}/}, and
   * comparing that common beginning for each of ~200 routes was most of what this saved.
   */
  boolean mayMatch(String path) {
    if (path.isEmpty() || path.charAt(0) != '/') {
      return literals.length == 0;
    }
    if (last >= 0 && !literalAt(path, last)) {
      return false;
    }
    for (int i = 0; i < last; i++) {
      if (literals[i] != null && !literalAt(path, i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether segment {@code index} of {@code path} is there and equals the template's literal. */
  private boolean literalAt(String path, int index) {
    Segments segments = SEGMENTS.get().of(path);
    if (index >= segments.count) {
      return false;
    }
    int start = segments.starts[index];
    int end = index + 1 < segments.count ? segments.starts[index + 1] - 1 : path.length();
    String literal = literals[index];
    if (end - start != literal.length()) {
      return false;
    }
    for (int i = 0; i < literal.length(); i++) {
      if (path.charAt(start + i) != literal.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where the segments of the path last asked about on this thread begin. Every route is asked
   * about the same path of a request, one after the other on the connection's thread, so the path
   * is split once per request rather than once per route.
   */
  private static final class Segments {
    private String path;
    private int[] starts = new int[16];
    private int count;

    Segments of(String p) {
      if (p != path) {
        count = 0;
        int start = 1;
        while (true) {
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
          }
          starts[count++] = start;
          int slash = p.indexOf('/', start);
          if (slash < 0) {
            break;
          }
          start = slash + 1;
        }
        path = p;
      }
      return this;
    }
  }

  private static final ThreadLocal<Segments> SEGMENTS = ThreadLocal.withInitial(Segments::new);

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
    Shape x = Shape.of(a);
    Shape y = Shape.of(b);
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

  /**
   * A template's one-segment positions (literal text, null for a parameter) and whether a {@code
   * {+rest}} parameter follows them.
   */
  private record Shape(String[] fixed, boolean rest) {

    /** The shape of {@code template}, or null when it is not that plain. */
    static Shape of(String template) {
      if (template.equals("/")) {
        return new Shape(new String[0], false); // matches "/" alone: no non-empty segment
      }
      if (!template.startsWith("/")) {
        return null;
      }
      String[] segments = template.substring(1).split("/", -1);
      boolean rest = isRest(segments[segments.length - 1]);
      String[] fixed =
          Arrays.copyOf(segments, rest ? segments.length - 1 : segments.length, String[].class);
      for (int i = 0; i < fixed.length; i++) {
        if (isParameter(fixed[i])) {
          fixed[i] = null;
        } else if (!isPlainLiteral(fixed[i])) {
          return null;
        }
      }
      return new Shape(fixed, rest);
    }

    private static boolean isRest(String segment) {
      return segment.startsWith("{+")
          && segment.endsWith("}")
          && isName(segment.substring(2, segment.length() - 1));
    }
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

  private static boolean isParameter(String segment) {
    return segment.length() > 2
        && segment.charAt(0) == '{'
        && segment.charAt(segment.length() - 1) == '}'
        && isName(segment.substring(1, segment.length() - 1));
  }

  private static boolean isName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != '_' && c != '-') {
        return false;
      }
    }
    return !name.isEmpty();
  }

  private static boolean isLiteral(String segment) {
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if ("{}[]*\\+?:".indexOf(c) >= 0) {
        return false;
      }
    }
    return !segment.isEmpty();
  }
}
