package dev.cairn.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.domain.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
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

  private QueryParameters(Map<String, Set<String>> byRoute) {
    this.byRoute = byRoute;
  }

  public static QueryParameters fromOpenApi() {
    try (InputStream in =
        QueryParameters.class.getClassLoader().getResourceAsStream(OpenApiRoutes.RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(OpenApiRoutes.RESOURCE + " missing from the classpath");
      }
      JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(in);
      Map<String, Set<String>> byRoute = new HashMap<>();
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
                          collect(document, item.path("parameters"), names);
                          collect(document, op.getValue().path("parameters"), names);
                          byRoute.put(key(op.getKey(), path.getKey()), Set.copyOf(names));
                        });
              });
      return new QueryParameters(byRoute);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Refuses any parameter of {@code names} that {@code method path} does not take. */
  public void check(String method, String pathTemplate, Set<String> names) {
    Set<String> allowed = byRoute.get(key(method, pathTemplate));
    if (allowed == null) {
      return; // HEAD and 405 answers: nothing is read
    }
    for (String name : new TreeSet<>(names)) {
      if (!allowed.contains(name)) {
        throw ApiException.badRequest(
            "unknown query parameter '"
                + Text.printable(name)
                + "'"
                + (allowed.isEmpty() ? "; this endpoint takes none" : "; allowed: " + allowed));
      }
    }
  }

  private static void collect(JsonNode document, JsonNode parameters, Set<String> names) {
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
        names.add(resolved.path("name").asText());
      }
    }
  }

  private static String key(String method, String path) {
    return method.toUpperCase(Locale.ROOT) + " " + path;
  }
}
