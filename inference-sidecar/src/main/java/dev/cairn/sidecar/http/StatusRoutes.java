package dev.cairn.sidecar.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.sidecar.metrics.SidecarMetrics;
import dev.cairn.sidecar.serving.ServingSet;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** {@code /status}, {@code /metrics} and the OIP health endpoints. */
public final class StatusRoutes implements HttpService {

  /** What {@code /status} shows besides the serving set. */
  public record Status(
      ServingSet set,
      String state,
      String lastError,
      long lastEventId,
      boolean registryReachable) {}

  private final Supplier<Status> status;
  private final BooleanSupplier ready;
  private final SidecarMetrics metrics;
  private final JsonResponses responses;

  public StatusRoutes(
      Supplier<Status> status,
      BooleanSupplier ready,
      SidecarMetrics metrics,
      JsonResponses responses) {
    this.status = status;
    this.ready = ready;
    this.metrics = metrics;
    this.responses = responses;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/status", this::status)
        .get("/metrics", this::metrics)
        .get("/v2/health/live", (req, res) -> health(res, "live", true))
        .get("/v2/health/ready", (req, res) -> health(res, "ready", ready.getAsBoolean()));
  }

  private void status(ServerRequest req, ServerResponse res) {
    Status now = status.get();
    ObjectNode body =
        responses
            .json()
            .createObjectNode()
            .put("state", now.state())
            .put("generation", now.set().generation())
            .put("loaded_at", now.set().loadedAt().toString())
            .put("last_event_id", now.lastEventId())
            .put("last_error", now.lastError())
            .put("registry_reachable", now.registryReachable());
    ObjectNode versions = body.putObject("versions");
    ObjectNode digests = body.putObject("digests");
    now.set()
        .variants()
        .forEach(
            (variant, served) -> {
              versions.put(variant, served.version());
              digests.put(variant, served.digest());
            });
    responses.send(res, 200, body);
  }

  private void metrics(ServerRequest req, ServerResponse res) {
    res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4");
    res.send(metrics.scrape());
  }

  private void health(ServerResponse res, String field, boolean ok) {
    responses.send(res, ok ? 200 : 503, responses.json().createObjectNode().put(field, ok));
  }
}
