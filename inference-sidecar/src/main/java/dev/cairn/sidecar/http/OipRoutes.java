package dev.cairn.sidecar.http;

import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.runtime.onnx.OnnxModel;
import dev.cairn.runtime.onnx.Tensor;
import dev.cairn.runtime.onnx.TensorRejected;
import dev.cairn.runtime.onnx.TensorSpec;
import dev.cairn.sidecar.metrics.SidecarMetrics;
import dev.cairn.sidecar.serving.ModelManager;
import dev.cairn.sidecar.serving.ServingSet;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Open Inference Protocol v2 (KServe/Triton REST) for ONNX versions. {@code {name}} is the model's
 * name (its default variant) or one of its variants. Each request holds the serving set, so a swap
 * lets it finish on the version it started with.
 */
public final class OipRoutes implements HttpService {

  private final ModelManager manager;
  private final JsonResponses responses;
  private final SidecarMetrics metrics;
  private final String modelName;

  public OipRoutes(
      ModelManager manager, JsonResponses responses, SidecarMetrics metrics, String modelName) {
    this.manager = manager;
    this.responses = responses;
    this.metrics = metrics;
    this.modelName = modelName;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .post("/v2/models/{name}/infer", this::infer)
        .get("/v2/models/{name}/ready", this::ready)
        .get("/v2/models/{name}", this::metadata);
  }

  private void infer(ServerRequest req, ServerResponse res) throws Exception {
    long started = System.nanoTime();
    String name = req.path().pathParameters().get("name");
    JsonNode body = responses.json().readTree(req.content().inputStream());
    if (body == null || !body.path("inputs").isArray()) {
      throw Problem.badRequest("BAD_REQUEST", "an infer request needs an inputs array");
    }
    List<Tensor> inputs = new ArrayList<>();
    body.get("inputs").forEach(node -> inputs.add(TensorJson.read(node)));
    ServingSet set = manager.acquire();
    try {
      ServingSet.Served served = served(set, name);
      List<Tensor> outputs;
      try {
        outputs = ((OnnxModel) served.model()).infer(inputs);
      } catch (TensorRejected e) {
        throw Problem.badRequest("BAD_TENSOR", e.getMessage());
      } catch (OrtException e) {
        throw new Problem(500, "INFERENCE_FAILED", e.getMessage());
      }
      ObjectNode answer =
          responses
              .json()
              .createObjectNode()
              .put("model_name", name)
              .put("model_version", served.version());
      if (body.hasNonNull("id")) {
        answer.put("id", body.get("id").asText());
      }
      ArrayNode out = answer.putArray("outputs");
      outputs.forEach(tensor -> out.add(TensorJson.write(responses.json(), tensor)));
      metrics.request("infer", (System.nanoTime() - started) / 1e9);
      responses.send(res, 200, answer);
    } finally {
      set.release();
    }
  }

  private void metadata(ServerRequest req, ServerResponse res) {
    withServed(
        req,
        (name, served) -> {
          OnnxModel model = (OnnxModel) served.model();
          ObjectNode body = responses.json().createObjectNode().put("name", name);
          body.putArray("versions").add(served.version());
          body.put("platform", "onnxruntime_onnx");
          body.set("inputs", specs(model.inputs()));
          body.set("outputs", specs(model.outputs()));
          responses.send(res, 200, body);
        });
  }

  private void ready(ServerRequest req, ServerResponse res) {
    withServed(
        req,
        (name, served) ->
            responses.send(
                res,
                200,
                responses.json().createObjectNode().put("name", name).put("ready", true)));
  }

  /** Runs {@code use} with the variant the path names, the serving set held meanwhile. */
  private void withServed(
      ServerRequest req, java.util.function.BiConsumer<String, ServingSet.Served> use) {
    String name = req.path().pathParameters().get("name");
    ServingSet set = manager.acquire();
    try {
      use.accept(name, served(set, name));
    } finally {
      set.release();
    }
  }

  /** The ONNX variant {@code name} refers to in {@code set}, or a 404. */
  private ServingSet.Served served(ServingSet set, String name) {
    String variant = name.equals(modelName) ? set.target().defaultVariant() : name;
    ServingSet.Served served = variant == null ? null : set.variants().get(variant);
    if (served == null || !(served.model() instanceof OnnxModel)) {
      throw new Problem(
          404,
          "MODEL_NOT_FOUND",
          "no ONNX model '" + name + "' is loaded in generation " + set.generation());
    }
    return served;
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
