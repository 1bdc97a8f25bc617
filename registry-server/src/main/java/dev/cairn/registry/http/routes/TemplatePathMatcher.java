package dev.cairn.registry.http.routes;

import io.helidon.common.parameters.Parameters;
import io.helidon.common.uri.UriPath;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  /**
   * Per segment, the parameter's name (null for literals) when the whole template is plain literals
   * and one-segment parameters with distinct names, so this decides alone; else null.
   */
  private final String[] names;

  private TemplatePathMatcher(PathMatcher helidon, String[] literals, String[] names) {
    this.helidon = helidon;
    this.literals = literals;
    this.names = names;
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
    String[] segments = template.substring(1).split("/", -1);
    for (String segment : segments) {
      if (isParameter(segment)) {
        literals.add(null);
      } else if (isLiteral(segment)) {
        literals.add(segment);
      } else {
        break; // {+rest}, a wildcard or a mixed segment: only Helidon's pattern knows
      }
    }
    return new TemplatePathMatcher(
        helidon, literals.toArray(String[]::new), parameterNames(template, segments));
  }

  /** The parameter names by segment, if {@link #matchSegments} can decide the template alone. */
  private static String[] parameterNames(String template, String[] segments) {
    TemplateShape shape = TemplateShape.of(template);
    if (shape == null || shape.rest() || shape.fixed().length != segments.length) {
      return null;
    }
    String[] names = new String[segments.length];
    Set<String> distinct = new HashSet<>();
    for (int i = 0; i < segments.length; i++) {
      if (shape.fixed()[i] == null) {
        names[i] = segments[i].substring(1, segments[i].length() - 1);
        if (!distinct.add(names[i])) {
          return null;
        }
      }
    }
    return distinct.isEmpty() ? null : names; // without parameters Helidon matches exactly, cheaply
  }

  @Override
  public PathMatchers.MatchResult match(UriPath path) {
    if (names != null) {
      return matchSegments(path);
    }
    return mayMatch(path.path()) ? helidon.match(path) : PathMatchers.MatchResult.notAccepted();
  }

  /**
   * For a template of plain literals and one-segment parameters, Helidon's pattern is the literals
   * with {@code [^/]+} for each parameter, matched against the decoded path: the same as comparing
   * segment by segment, which is what this does, without the regular expression that was the
   * largest part of routing the (first-registered) resolve route (issue 27 item 7).
   * TemplatePathMatcherTest holds the answers and parameters to Helidon's.
   */
  private PathMatchers.MatchResult matchSegments(UriPath uri) {
    String path = uri.path();
    if (path.isEmpty() || path.charAt(0) != '/') {
      return PathMatchers.MatchResult.notAccepted();
    }
    Segments segments = SEGMENTS.get().of(path);
    if (segments.count != literals.length) {
      return PathMatchers.MatchResult.notAccepted();
    }
    for (int i = 0; i < literals.length; i++) {
      if (literals[i] != null
          ? !literalAt(path, i)
          : segmentEnd(segments, path, i) == segments.starts[i]) {
        return PathMatchers.MatchResult.notAccepted();
      }
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < literals.length; i++) {
      if (literals[i] == null) {
        values.put(names[i], path.substring(segments.starts[i], segmentEnd(segments, path, i)));
      }
    }
    return new PathMatchers.MatchResult(
        true, new ParameterPath(uri, Parameters.createSingleValueMap("http/path", values)));
  }

  private static int segmentEnd(Segments segments, String path, int index) {
    return index + 1 < segments.count ? segments.starts[index + 1] - 1 : path.length();
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

  static boolean isParameter(String segment) {
    return segment.length() > 2
        && segment.charAt(0) == '{'
        && segment.charAt(segment.length() - 1) == '}'
        && isName(segment.substring(1, segment.length() - 1));
  }

  static boolean isName(String name) {
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
