package dev.cairn.sidecar.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.runtime.InferenceFailure;
import dev.cairn.runtime.Tensor;
import dev.cairn.runtime.TensorModel;
import dev.cairn.runtime.TensorRejected;
import dev.cairn.runtime.TensorSpec;
import dev.cairn.sidecar.fleet.Fleet;
import dev.cairn.sidecar.fleet.ServedModel;
import dev.cairn.sidecar.metrics.SidecarMetrics;
import dev.cairn.sidecar.serving.ServingSet;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Open Inference Protocol v2 (KServe/Triton REST) for ONNX versions. {@code {name}} is a served
 * model (its default variant), {@code {name}/{variant}} one of its variants, or, for a sidecar of
 * one model, a variant of it. Each request holds the serving set, so a swap lets it finish on the
 * version it started with; a cold model is loaded first.
 */
public final class OipRoutes implements HttpService {

  private final Fleet fleet;
  private final JsonResponses responses;
  private final SidecarMetrics metrics;

  public OipRoutes(Fleet fleet, JsonResponses responses, SidecarMetrics metrics) {
    this.fleet = fleet;
    this.responses = responses;
    this.metrics = metrics;
  }

  /**
   * A tensor variant held for one request: the set (to release), the variant, its model as a {@link
   * TensorModel}, and the name it answers to.
   */
  private record Held(ServingSet set, ServingSet.Served served, TensorModel model, String name) {}

  @Override
  public void routing(HttpRules rules) {
    rules
        .post("/v2/models/{name}/{variant}/infer", this::infer)
        .get("/v2/models/{name}/{variant}/ready", this::ready)
        .post("/v2/models/{name}/infer", this::infer)
        .get("/v2/models/{name}/ready", this::ready)
        .get("/v2/models/{name}/{variant}", this::metadata)
        .get("/v2/models/{name}", this::metadata)
        .get("/v2/repository/index", this::index)
        .post("/v2/repository/index", this::index);
  }

  /** Every served model with its state (KServe/Triton's repository index). */
  private void index(ServerRequest req, ServerResponse res) {
    ArrayNode list = responses.json().createArrayNode();
    fleet
        .models()
        .forEach(
            (name, m) -> {
              ObjectNode entry =
                  list.addObject().put("name", name).put("state", fleet.health().state(m).wire());
              ServingSet set = m.manager().current();
              if (!set.variants().isEmpty()) {
                entry.put("generation", set.generation());
              }
            });
    responses.send(res, 200, list);
  }

  private void infer(ServerRequest req, ServerResponse res) throws Exception {
    long started = System.nanoTime();
    String name = displayName(req);
    JsonNode body = responses.json().readTree(req.content().inputStream());
    if (body == null || !body.path("inputs").isArray()) {
      throw Problem.badRequest("BAD_REQUEST", "an infer request needs an inputs array");
    }
    String id = requestId(body);
    List<Tensor> inputs = new ArrayList<>();
    body.get("inputs").forEach(node -> inputs.add(TensorJson.read(node)));
    Held held = hold(req);
    ServingSet set = held.set();
    try {
      ServingSet.Served served = held.served();
      List<Tensor> outputs;
      try {
        outputs = held.model().infer(inputs);
      } catch (TensorRejected e) {
        throw Problem.badRequest("BAD_TENSOR", e.getMessage());
      } catch (InferenceFailure e) {
        throw new Problem(500, "INFERENCE_FAILED", e.getMessage());
      }
      ObjectNode answer =
          responses
              .json()
              .createObjectNode()
              .put("model_name", name)
              .put("model_version", served.version());
      if (id != null) {
        answer.put("id", id);
      }
      ArrayNode out = answer.putArray("outputs");
      outputs.forEach(tensor -> out.add(TensorJson.write(responses.json(), tensor)));
      metrics.request("infer", (System.nanoTime() - started) / 1e9);
      responses.send(res, 200, answer);
    } finally {
      set.release();
    }
  }

  /** The request's optional {@code id}, a string the answer repeats; null when absent. */
  private static String requestId(JsonNode body) {
    JsonNode id = body.get("id");
    if (id == null || id.isNull()) {
      return null;
    }
    if (!id.isTextual()) {
      throw Problem.badRequest("BAD_REQUEST", "id must be a string");
    }
    return ClientText.field("id", id.asText());
  }

  private void metadata(ServerRequest req, ServerResponse res) throws InterruptedException {
    withServed(
        req,
        held -> {
          ObjectNode body = responses.json().createObjectNode().put("name", held.name());
          body.putArray("versions").add(held.served().version());
          body.put("platform", "onnxruntime_onnx");
          body.set("inputs", specs(held.model().inputs()));
          body.set("outputs", specs(held.model().outputs()));
          responses.send(res, 200, body);
        });
  }

  private void ready(ServerRequest req, ServerResponse res) throws InterruptedException {
    withServed(
        req,
        held ->
            responses.send(
                res,
                200,
                responses.json().createObjectNode().put("name", held.name()).put("ready", true)));
  }

  /** Runs {@code use} with the variant the path names, the serving set held meanwhile. */
  private void withServed(ServerRequest req, Consumer<Held> use) throws InterruptedException {
    Held held = hold(req);
    try {
      use.accept(held);
    } finally {
      held.set().release();
    }
  }

  private static String displayName(ServerRequest req) {
    var params = req.path().pathParameters();
    return params.contains("variant")
        ? params.get("name") + "/" + params.get("variant")
        : params.get("name");
  }

  /**
   * The tensor variant the path names, held: {@code name} is a served model (its default variant,
   * or {@code variant}), else a variant of the only model; anything else is a 404.
   */
  private Held hold(ServerRequest req) throws InterruptedException {
    var params = req.path().pathParameters();
    String name = params.get("name");
    String variant = params.contains("variant") ? params.get("variant") : null;
    Optional<ServedModel> named = fleet.route(name, null, null);
    ServedModel model =
        named
            .or(() -> variant == null ? fleet.route(null, null, null) : Optional.empty())
            .orElseThrow(() -> notFound(displayName(req), -1));
    ServingSet set = fleet.acquire(model, InspectRoutes.COLD_LOAD);
    String wanted =
        variant != null ? variant : named.isPresent() ? set.target().defaultVariant() : name;
    ServingSet.Served served = wanted == null ? null : set.variants().get(wanted);
    if (served == null || !(served.model() instanceof TensorModel tensors)) {
      set.release();
      throw notFound(displayName(req), set.generation());
    }
    return new Held(set, served, tensors, displayName(req));
  }

  private static Problem notFound(String name, long generation) {
    return new Problem(
        404,
        "MODEL_NOT_FOUND",
        "no ONNX model '"
            + ClientText.bounded(name)
            + "' is loaded"
            + (generation >= 0 ? " in generation " + generation : ""));
  }

  private ArrayNode specs(List<TensorSpec> specs) {
    ArrayNode array = responses.json().createArrayNode();
    for (TensorSpec spec : specs) {
      ObjectNode node = array.addObject().put("name", spec.name()).put("datatype", spec.datatype());
      ArrayNode shape = node.putArray("shape");
      for (long dim : spec.shape()) {
        shape.add(dim);
      }
    }
    return array;
  }
}
