package dev.cairn.operator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.operator.metrics.OperatorMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The operator's /healthz, /readyz and /metrics over real loopback HTTP. */
class OperatorHttpServerTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void answersHealthReadinessAndPrometheusMetrics() throws Exception {
    OperatorMetrics metrics = new OperatorMetrics();
    metrics.reconciled("ModelVersion");
    metrics.reconciled("ModelVersion");
    metrics.failed("ModelActivation", "RegistryUnavailable");
    metrics.timeToActive(Duration.ofMillis(300));
    AtomicBoolean ready = new AtomicBoolean(false);
    try (OperatorHttpServer server = OperatorHttpServer.start(0, ready::get, metrics::scrape)) {
      assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(server, "/readyz").statusCode()).isEqualTo(503);
      ready.set(true);
      assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);
      assertThat(get(server, "/healthzz").statusCode()).isEqualTo(404);

      HttpResponse<String> scrape = get(server, "/metrics");
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(scrape.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
      assertThat(scrape.body())
          .contains("cairn_operator_reconciles_total{kind=\"ModelVersion\"} 2")
          .contains(
              "cairn_operator_reconcile_failures_total{kind=\"ModelActivation\",reason=\"RegistryUnavailable\"} 1")
          .contains("cairn_operator_activation_to_active_seconds_bucket{le=\"0.25\"} 0")
          .contains("cairn_operator_activation_to_active_seconds_bucket{le=\"0.5\"} 1")
          .contains("cairn_operator_activation_to_active_seconds_count 1")
          .contains("cairn_operator_activation_to_serving_seconds_count 0");
    }
  }

  private HttpResponse<String> get(OperatorHttpServer server, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
