package dev.cairn.registry.http.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters each route takes, read from the OpenAPI document (the contract a test holds
 * to the route table), so a misspelt or foreign parameter is refused with 400 instead of silently
 * ignored (spec 40-security, Hardening: bad parameters are refused).
 */
public final class QueryParameters {

  private final Map<String, Set<String>> byRoute;

  /** For parameters whose schema lists its values ({@code enum}): route → name → values. */
  private final Map<String, Map<String, List<String>>> enums;

  private QueryParameters(
      Map<String, Set<String>> byRoute, Map<String, Map<String, List<String>>> enums) {
    this.byRoute = byRoute;
    this.enums = enums;
  }

  /** Reads the parameters from the OpenAPI document at {@code resource} on the class path. */
  public static QueryParameters fromOpenApi(String resource) {
    try (InputStream in = QueryParameters.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " missing from the classpath");
      }
      JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(in);
      Map<String, Set<String>> byRoute = new HashMap<>();
      Map<String, Map<String, List<String>>> enums = new HashMap<>();
      document
          .path("paths")
          .properties()
          .forEach(
              path -> {
                JsonNode item = path.getValue();
                item.properties().stream()
                    .filter(op -> op.getValue().isObject() && !op.getKey().equals("parameters"))
                    .forEach(
                        op -> {
                          Set<String> names = new TreeSet<>();
                          Map<String, List<String>> values = new HashMap<>();
                          collect(document, item.path("parameters"), names, values);
                          collect(document, op.getValue().path("parameters"), names, values);
                          String route = key(op.getKey(), path.getKey());
                          byRoute.put(route, Set.copyOf(names));
                          enums.put(route, Map.copyOf(values));
                        });
              });
      return new QueryParameters(byRoute, enums);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What {@code method pathTemplate} takes, looked up once when the route is registered rather than
   * by a key built on every request (issue 27 item 7).
   */
  public Route forRoute(String method, String pathTemplate) {
    String key = key(method, pathTemplate);
    return new Route(byRoute.get(key), enums.getOrDefault(key, Map.of()));
  }

  /**
   * Refuses a value outside the values the parameter's schema lists ({@code state=production} used
   * to answer an empty 200), naming the allowed ones.
   */
  public void checkValue(String method, String pathTemplate, String name, String value) {
    forRoute(method, pathTemplate).checkValue(name, value);
  }

  /** Refuses any parameter of {@code names} that {@code method path} does not take. */
  public void check(String method, String pathTemplate, Set<String> names) {
    forRoute(method, pathTemplate).check(names);
  }

  /**
   * The query parameters of one route: the names it takes (null for HEAD and 405 answers, which
   * read nothing) and the listed values of those that list them.
   */
  public record Route(Set<String> allowed, Map<String, List<String>> enums) {

    /** Refuses any parameter of {@code names} this route does not take. */
    public void check(Set<String> names) {
      if (allowed == null || allowed.containsAll(names)) {
        return;
      }
      for (String name : new TreeSet<>(names)) { // the first unknown one in name order
        if (!allowed.contains(name)) {
          throw ApiException.badRequest(
              "unknown query parameter '"
                  + Text.printable(name)
                  + "'"
                  + (allowed.isEmpty() ? "; this endpoint takes none" : "; allowed: " + allowed));
        }
      }
    }

    /** Refuses a value outside the values the parameter's schema lists. */
    public void checkValue(String name, String value) {
      List<String> listed = enums.get(name);
      if (listed != null && !value.isEmpty() && !listed.contains(value)) {
        throw ApiException.badRequest(
            "query parameter '"
                + name
                + "' must be one of "
                + listed
                + ", not '"
                + Text.printable(value)
                + "'");
      }
    }
  }

  private static void collect(
      JsonNode document, JsonNode parameters, Set<String> names, Map<String, List<String>> enums) {
    for (JsonNode parameter : parameters) {
      JsonNode resolved = parameter;
      if (parameter.has("$ref")) {
        String[] refPath = parameter.get("$ref").asText().substring(2).split("/");
        resolved = document;
        for (String part : refPath) {
          resolved = resolved.path(part);
        }
      }
      if ("query".equals(resolved.path("in").asText())) {
        String name = resolved.path("name").asText();
        names.add(name);
        JsonNode schema = resolved.path("schema");
        JsonNode values =
            schema.has("enum") ? schema.get("enum") : schema.path("items").path("enum");
        if (values.isArray()) {
          List<String> listed = new ArrayList<>();
          values.forEach(v -> listed.add(v.asText()));
          enums.put(name, List.copyOf(listed));
        }
      }
    }
  }

  private static String key(String method, String path) {
    return method.toUpperCase(Locale.ROOT) + " " + path;
  }
}
