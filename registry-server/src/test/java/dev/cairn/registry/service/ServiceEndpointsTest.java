package dev.cairn.registry.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.ServiceInfo;
import dev.cairn.registry.http.routes.ApiRoutes.Route;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code /}, health, metrics and the OpenAPI document. */
class ServiceEndpointsTest {

  private final TestRegistry registry = TestRegistry.shared();
  private final Http http = registry.http();

  @Test
  void rootDescribesTheService() {
    ServiceInfo info = registry.client(null).serviceInfo();

    assertThat(info.service()).isEqualTo("cairn-registry");
    assertThat(info.auth()).isTrue();
    assertThat(info.database()).isEqualTo(TestRegistry.externalMode() ? "external" : "embedded");
    assertThat(info.environment())
        .isEqualTo(TestRegistry.externalMode() ? "production" : "development");
  }

  @Test
  void healthChecksTheDatabase() {
    var ready = http.get("/health/ready", null);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"name\":\"database\",\"status\":\"UP\"");
    assertThat(http.get("/health/live", null).statusCode()).isEqualTo(200);
    assertThat(http.get("/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void metricsCountRequestsByRouteAndStatus() {
    String project = TestRegistry.uniqueProject("metrics");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    http.get("/api/v1/projects/" + project + "/models/none", TestTokens.READER);

    String metrics = http.get("/metrics", null).body();

    assertThat(metrics)
        .contains("# TYPE cairn_http_requests_total counter")
        .contains(
            "cairn_http_requests_total{method=\"POST\",route=\"/api/v1/projects\",status=\"201\"}")
        .contains(
            "cairn_http_requests_total{method=\"GET\",route=\"/api/v1/projects/{project}/models/{model}\",status=\"404\"}")
        .contains("cairn_http_request_duration_seconds_bucket{method=\"GET\"")
        .doesNotContain(project);
  }

  @Test
  void openApiDocumentsExactlyTheRoutedEndpoints() throws Exception {
    var res = http.send("GET", "/openapi", null, null, Map.of("Accept", "application/json"));
    assertThat(res.statusCode()).isEqualTo(200);
    JsonNode doc = new ObjectMapper().readTree(res.body());
    assertThat(doc.get("openapi").asText()).startsWith("3.1");

    Set<Route> documented = new HashSet<>();
    doc.get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> {
                          if (!method.equals("parameters")) {
                            documented.add(
                                new Route(method.toUpperCase(Locale.ROOT), path.getKey()));
                          }
                        }));

    // Helidon's greedy {+path} is OpenAPI's {path}. The MLflow-compatible surface (/api/2.0/) is
    // specified by MLflow's protos, not this document (README, "Using MLflow clients").
    List<Route> routed =
        registry.server().routeTable().routes().stream()
            .filter(r -> !r.path().startsWith("/api/2.0/"))
            .map(r -> new Route(r.method(), r.path().replace("{+", "{")))
            .toList();
    assertThat(documented).containsExactlyInAnyOrderElementsOf(routed);
    assertThat(http.get("/openapi", null).headers().firstValue("Content-Type"))
        .contains("application/yaml");
  }
}
