package dev.cairn.sidecar.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.model.VersionSignature;
import dev.cairn.sidecar.fleet.Fleet;
import dev.cairn.sidecar.fleet.ServedModel;
import dev.cairn.sidecar.metrics.SidecarMetrics;
import dev.cairn.sidecar.serving.ServingSet;
import dev.cairn.sidecar.serving.ServingState;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code /status}, {@code /metrics} and the OIP health endpoints. {@code /status} keeps the shape
 * of a one-model sidecar at the top (state, generation, versions, digests, last error of its model)
 * and adds every model of a fleet under {@code models}, the event stream, and the last instance
 * report.
 */
public final class StatusRoutes implements HttpService {

  private final Fleet fleet;
  private final String singleModel;
  private final Supplier<ServingState> state;
  private final BooleanSupplier ready;
  private final SidecarMetrics metrics;
  private final JsonResponses responses;

  public StatusRoutes(
      Fleet fleet,
      String singleModel,
      Supplier<ServingState> state,
      BooleanSupplier ready,
      SidecarMetrics metrics,
      JsonResponses responses) {
    this.fleet = fleet;
    this.singleModel = singleModel;
    this.state = state;
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
    ObjectNode body =
        responses
            .json()
            .createObjectNode()
            .put("state", state.get().wire())
            .put("last_event_id", fleet.health().lastEventId())
            .put("registry_reachable", fleet.health().registryReachable())
            .put("events_connected", !fleet.health().eventsDown());
    ServedModel single = singleModel == null ? null : fleet.models().get(singleModel);
    if (single != null) {
      describe(body, single);
    } else {
      body.put("last_error", fleet.health().registryRefusal());
    }
    ObjectNode models = body.putObject("models");
    fleet.models().forEach((name, m) -> describe(models.putObject(name), m));
    responses.send(res, 200, body);
  }

  /** A model's set, state, last error and last report. */
  private void describe(ObjectNode node, ServedModel m) {
    ServingSet set = m.manager().current();
    if (!node.has("state")) {
      node.put("state", fleet.health().state(m).wire());
    }
    node.put("generation", set.generation())
        .put("loaded_at", set.loadedAt().toString())
        .put("last_error", fleet.health().lastError(m));
    ObjectNode versions = node.putObject("versions");
    ObjectNode digests = node.putObject("digests");
    // Issue 28 item 4: who signed each variant served, null when signatures are not required.
    ObjectNode signatures = node.putObject("signatures");
    set.variants()
        .forEach(
            (variant, served) -> {
              versions.put(variant, served.version());
              digests.put(variant, served.digest());
              signatures.set(variant, signature(served.signature()));
            });
    ServedModel.LastReport report = m.lastReport();
    node.putObject("report")
        .put("last_attempt_at", text(report.lastAttemptAt()))
        .put("last_success_at", text(report.lastSuccessAt()))
        .put("last_error", report.lastError());
  }

  private JsonNode signature(VersionSignature signed) {
    if (signed == null) {
      return NullNode.getInstance();
    }
    return responses
        .json()
        .createObjectNode()
        .put("method", signed.method())
        .put("signer", signed.signer())
        .put("verified_at", text(signed.verifiedAt()));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private void metrics(ServerRequest req, ServerResponse res) {
    res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4");
    res.send(metrics.scrape());
  }

  private void health(ServerResponse res, String field, boolean ok) {
    responses.send(res, ok ? 200 : 503, responses.json().createObjectNode().put(field, ok));
  }
}
