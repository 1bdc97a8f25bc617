package dev.cairn.registry.http.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cairn.registry.http.request.ApiRequest;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code /openapi}: the OpenAPI 3.1 document of this server, YAML by default and JSON when asked
 * for. A test holds it to the route table, so it covers exactly the endpoints that exist.
 */
public final class OpenApiRoutes implements RouteGroup {

  public static final String RESOURCE = "openapi.yaml";

  private final byte[] yaml;
  private final byte[] json;

  private OpenApiRoutes(byte[] yaml, byte[] json) {
    this.yaml = yaml;
    this.json = json;
  }

  public static OpenApiRoutes load() {
    try (InputStream in = OpenApiRoutes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " missing from the classpath");
      }
      byte[] yaml = in.readAllBytes();
      JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(yaml);
      return new OpenApiRoutes(yaml, new ObjectMapper().writeValueAsBytes(tree));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void routes(ApiRoutes routes) {
    routes.get("/openapi", this::document);
  }

  private void document(ApiRequest req, ServerResponse res) {
    boolean wantsJson =
        req.raw().headers().first(HeaderNames.ACCEPT).map(a -> a.contains("json")).orElse(false)
            || req.query("format").filter("json"::equals).isPresent();
    res.header(HeaderNames.CONTENT_TYPE, wantsJson ? "application/json" : "application/yaml");
    res.send(wantsJson ? json : yaml);
  }
}
