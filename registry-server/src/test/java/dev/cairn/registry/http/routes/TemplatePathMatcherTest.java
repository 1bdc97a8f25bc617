package dev.cairn.registry.http.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.testing.TestRegistry;
import io.helidon.common.uri.UriPath;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 27 item 7: routes are tried one after the other with Helidon's regular expressions (40% of
 * a cached resolve's CPU under wrk). {@link TemplatePathMatcher} rejects paths by their literal
 * segments first; it must accept and extract exactly what Helidon's matcher does, for every route
 * of the registry and every path built from any of them.
 */
class TemplatePathMatcherTest {

  @Test
  void agreesWithHelidonOnEveryRouteAndPath() {
    Set<String> templates = new LinkedHashSet<>();
    TestRegistry.shared().server().routeTable().routes().forEach(r -> templates.add(r.path()));
    templates.addAll(List.of("/a/{x}/b/{+rest}", "/a/{x}:go", "/a/*", "/"));
    Set<String> paths = new LinkedHashSet<>();
    templates.forEach(t -> paths.addAll(pathsFrom(t)));

    int accepted = 0;
    int rejectedEarly = 0;
    for (String template : templates) {
      PathMatcher helidon = PathMatchers.create(template);
      PathMatcher ours = TemplatePathMatcher.of(template);
      for (String path : paths) {
        UriPath uri = UriPath.create(path);
        PathMatchers.MatchResult expected = helidon.match(uri);
        PathMatchers.MatchResult actual = ours.match(uri);
        assertThat(actual.accepted())
            .as("%s against %s", path, template)
            .isEqualTo(expected.accepted());
        if (expected.accepted()) {
          accepted++;
          assertThat(actual.path().pathParameters().toMap())
              .isEqualTo(expected.path().pathParameters().toMap());
        }
        if (ours instanceof TemplatePathMatcher t && !t.mayMatch(uri.path())) {
          rejectedEarly++;
        }
      }
    }
    assertThat(accepted).isGreaterThanOrEqualTo(templates.size());
    // The point of it: nearly every (route, path) pair is settled without a regular expression.
    assertThat(rejectedEarly).isGreaterThan(templates.size() * paths.size() * 8 / 10);
  }

  @Test
  void theResolvePathSkipsEveryOtherRouteWithoutAPattern() {
    TemplatePathMatcher versions =
        (TemplatePathMatcher)
            TemplatePathMatcher.of("/api/v1/projects/{project}/models/{model}/versions");
    TemplatePathMatcher resolve =
        (TemplatePathMatcher) TemplatePathMatcher.of("/api/v1/projects/{project}/resolve");

    assertThat(versions.mayMatch("/api/v1/projects/bench/resolve")).isFalse();
    assertThat(resolve.mayMatch("/api/v1/projects/bench/resolve")).isTrue();
    assertThat(resolve.mayMatch("/api/v1/projects/bench/resolved")).isFalse();
    assertThat(resolve.mayMatch("/api/v1/projects")).isFalse();
    // Plain literals and one-segment parameters: decided segment by segment, no pattern at all.
    PathMatchers.MatchResult matched =
        resolve.match(UriPath.create("/api/v1/projects/bench/resolve"));
    assertThat(matched.path()).isInstanceOf(ParameterPath.class);
    assertThat(matched.path().pathParameters().get("project")).isEqualTo("bench");
  }

  /** The template filled in several ways, and broken in several ways (case, empty segments). */
  private static List<String> pathsFrom(String template) {
    List<String> values = List.of("x", "a.b", "a%2Fb", "%20", "caf%C3%A9");
    List<String> out = new ArrayList<>(TemplatePaths.around(template, values, "extra", "other"));
    for (String value : values) {
      String filled = TemplatePaths.filled(template, value);
      out.add(filled.replace("/api/", "/API/"));
      out.add(filled.replace("//", "/"));
    }
    out.add("/api/v1/projects//models");
    out.add("");
    out.add("/");
    return out;
  }
}
