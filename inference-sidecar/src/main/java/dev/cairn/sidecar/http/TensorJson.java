package dev.cairn.sidecar.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.runtime.onnx.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * OIP v2 tensors in JSON: {@code {name, shape, datatype, data}} with {@code data} flat or nested
 * row-major, read into the flat Java array of the datatype and written back flat.
 */
final class TensorJson {

  private TensorJson() {}

  static Tensor read(JsonNode node) {
    String name = node.path("name").asText(null);
    String datatype = node.path("datatype").asText(null);
    if (name == null || datatype == null || !node.path("shape").isArray()) {
      throw Problem.badRequest("BAD_TENSOR", "an input needs name, shape, datatype and data");
    }
    long[] shape = new long[node.get("shape").size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = node.get("shape").get(i).asLong();
    }
    List<JsonNode> values = new ArrayList<>();
    flatten(node.path("data"), values);
    return new Tensor(name, datatype, shape, data(name, datatype, values));
  }

  static ObjectNode write(ObjectMapper json, Tensor tensor) {
    ObjectNode node = json.createObjectNode().put("name", tensor.name());
    ArrayNode shape = node.putArray("shape");
    for (long dim : tensor.shape()) {
      shape.add(dim);
    }
    node.put("datatype", tensor.datatype());
    ArrayNode data = node.putArray("data");
    switch (tensor.data()) {
      case float[] values -> {
        for (float v : values) {
          data.add(v);
        }
      }
      case double[] values -> {
        for (double v : values) {
          data.add(v);
        }
      }
      case int[] values -> {
        for (int v : values) {
          data.add(v);
        }
      }
      case long[] values -> {
        for (long v : values) {
          data.add(v);
        }
      }
      default -> throw new IllegalStateException("unknown tensor data");
    }
    return node;
  }

  private static void flatten(JsonNode node, List<JsonNode> out) {
    if (node.isArray()) {
      node.forEach(child -> flatten(child, out));
    } else if (node.isNumber()) {
      out.add(node);
    } else {
      throw Problem.badRequest("BAD_TENSOR", "tensor data must be numbers");
    }
  }

  private static Object data(String name, String datatype, List<JsonNode> values) {
    int n = values.size();
    switch (datatype) {
      case "FP32" -> {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
          out[i] = values.get(i).floatValue();
        }
        return out;
      }
      case "FP64" -> {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
          out[i] = values.get(i).doubleValue();
        }
        return out;
      }
      case "INT32" -> {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
          out[i] = values.get(i).intValue();
        }
        return out;
      }
      case "INT64" -> {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
          out[i] = values.get(i).longValue();
        }
        return out;
      }
      default ->
          throw Problem.badRequest(
              "BAD_TENSOR", name + ": datatype " + datatype + " is not FP32, FP64, INT32 or INT64");
    }
  }
}
