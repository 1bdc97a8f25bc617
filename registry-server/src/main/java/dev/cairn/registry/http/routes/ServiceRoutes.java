package dev.cairn.registry.http.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.model.ServiceInfo;
import dev.cairn.registry.http.request.ApiRequest;
import dev.cairn.registry.http.request.Responses;
import dev.cairn.registry.integrity.IntegrityStatus;
import dev.cairn.registry.service.HealthChecks;
import dev.cairn.registry.service.HttpMetrics;
import dev.cairn.registry.service.Liveness;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;

/** The public service endpoints: {@code /}, health, Prometheus metrics. */
public final class ServiceRoutes implements RouteGroup {

  private final ServiceInfo info;
  private final HealthChecks health;
  private final Liveness liveness;
  private final HttpMetrics metrics;
  private final Responses responses;
  private final IntegrityStatus integrity;

  public ServiceRoutes(
      ServiceInfo info,
      HealthChecks health,
      Liveness liveness,
      HttpMetrics metrics,
      Responses responses,
      IntegrityStatus integrity) {
    this.integrity = integrity;
    this.info = info;
    this.health = health;
    this.liveness = liveness;
    this.metrics = metrics;
    this.responses = responses;
  }

  @Override
  public void routes(ApiRoutes routes) {
    routes
        .get("/", (req, res) -> responses.ok(res, info))
        .get("/health", this::health)
        .get("/health/ready", this::ready)
        .get("/health/live", this::live)
        .get("/metrics", this::metrics);
  }

  /** 503 while the database or blob store is unreachable, so traffic goes elsewhere. */
  private void ready(ApiRequest req, ServerResponse res) {
    answer(res, health.run(), null);
  }

  /**
   * Readiness plus the integrity details (start check, scrubber): a corrupt version fails on its
   * own and does not take the registry out of service, so these never make the status DOWN.
   */
  private void health(ApiRequest req, ServerResponse res) {
    answer(res, health.run(), integrity.details());
  }

  /** 503 when an internal thread or process the server needs has died: restart me. */
  private void live(ApiRequest req, ServerResponse res) {
    answer(res, liveness.run(), null);
  }

  private void answer(
      ServerResponse res, Map<String, Boolean> checks, Map<String, Object> details) {
    boolean up = !checks.containsValue(false);
    ObjectNode body = responses.json().createObjectNode().put("status", up ? "UP" : "DOWN");
    ArrayNode list = body.putArray("checks");
    checks.forEach(
        (name, ok) -> list.addObject().put("name", name).put("status", ok ? "UP" : "DOWN"));
    if (details != null) {
      body.set("integrity", responses.json().valueToTree(details));
    }
    if (!up) {
      res.header("Retry-After", "5");
    }
    responses.send(res, up ? 200 : 503, body);
  }

  private void metrics(ApiRequest req, ServerResponse res) {
    res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
    res.send(metrics.prometheus());
  }
}
