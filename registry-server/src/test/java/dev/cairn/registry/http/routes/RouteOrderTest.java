package dev.cairn.registry.http.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.testing.TestRegistry;
import io.helidon.common.uri.UriPath;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 27 item 7: the resolve route is registered first, so Helidon's route crawl for it is one
 * route long. Which route answers a request must not change: for every path built from any route of
 * the registry, the first route accepting it is the same in the table's order and in the order
 * routes are registered in.
 */
class RouteOrderTest {

  /** What the paths are filled with: "resolve" where a parameter could pose as the hot route. */
  private static final List<String> VALUES = List.of("x", "resolve", "a.b", "a%2Fb", "%20");

  @Test
  void theHotRouteGoesFirstAndEveryPathFindsTheSameRoute() {
    ApiRoutes table = TestRegistry.shared().server().routeTable();
    List<String> declared = new ArrayList<>(new LinkedHashSet<>(pathsOf(table)));
    List<String> registered = table.registrationOrder();

    String hot = "/api/v1/projects/{project}/resolve";
    assertThat(declared.subList(0, declared.indexOf(hot)))
        .as("routes before resolve that may match its paths")
        .allMatch(before -> TemplateShape.disjoint(before, hot));
    assertThat(registered.getFirst()).isEqualTo(hot);
    assertThat(registered).containsExactlyInAnyOrderElementsOf(declared);

    Map<String, PathMatcher> matchers = new HashMap<>();
    declared.forEach(t -> matchers.put(t, PathMatchers.create(t)));
    Set<String> paths = new LinkedHashSet<>();
    declared.forEach(t -> paths.addAll(TemplatePaths.around(t, VALUES, "resolve", "resolve")));
    for (String path : paths) {
      UriPath uri = UriPath.create(path);
      assertThat(firstAccepting(registered, matchers, uri))
          .as("route answering %s", path)
          .isEqualTo(firstAccepting(declared, matchers, uri));
    }
  }

  @Test
  void disjointOnlyWhenProven() {
    String resolve = "/api/v1/projects/{project}/resolve";
    assertThat(TemplateShape.disjoint("/api/v1/projects/{project}/models", resolve)).isTrue();
    assertThat(TemplateShape.disjoint("/api/v1/projects/{project}", resolve)).isTrue();
    assertThat(TemplateShape.disjoint("/health", resolve)).isTrue();
    assertThat(TemplateShape.disjoint("/", resolve)).isTrue();
    // Could both match /api/v1/projects/x/resolve, or cannot be proven apart: not disjoint.
    assertThat(TemplateShape.disjoint("/api/v1/projects/{project}/{what}", resolve)).isFalse();
    assertThat(TemplateShape.disjoint("/api/v1/{+rest}", resolve)).isFalse();
    assertThat(TemplateShape.disjoint("/api/v1/projects/{p}/models/{+rest}", resolve)).isTrue();
    assertThat(TemplateShape.disjoint("/api/v1/projects/{p}/resolve/{+rest}", resolve))
        .isFalse(); // not proven: the counts argument does not hold with a rest
    assertThat(TemplateShape.disjoint("/api/v1/projects/{p}/{+rest}", resolve)).isFalse();
    assertThat(TemplateShape.disjoint("/api/v1/projects/{p}/res.lve", resolve)).isFalse();
    assertThat(TemplateShape.disjoint("/api/v1/*", resolve)).isFalse();
  }

  private static List<String> pathsOf(ApiRoutes table) {
    return table.routes().stream().map(ApiRoutes.Route::path).toList();
  }

  private static Optional<String> firstAccepting(
      List<String> templates, Map<String, PathMatcher> matchers, UriPath path) {
    for (String template : templates) {
      if (matchers.get(template).match(path).accepted()) {
        return Optional.of(template);
      }
    }
    return Optional.empty();
  }
}
