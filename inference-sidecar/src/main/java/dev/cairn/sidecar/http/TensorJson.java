package dev.cairn.sidecar.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.runtime.Tensor;
import java.util.Set;

/**
 * OIP v2 tensors in JSON: {@code {name, shape, datatype, data}}, read strictly (a shape of whole
 * numbers, data typed and laid out as {@link TensorValues} says) and written back flat. JSON has no
 * NaN or infinity, so an output holding one is refused with 422 {@code NON_FINITE_OUTPUT} rather
 * than written as the strings {@code "NaN"} or {@code "Infinity"}, which no OIP client reads as
 * numbers.
 */
final class TensorJson {

  /** The datatypes this sidecar's ONNX runtime takes. */
  private static final Set<String> SERVED = Set.of("FP32", "FP64", "INT32", "INT64");

  /** The protocol's other datatypes: known, but not served here. */
  private static final Set<String> PROTOCOL =
      Set.of("BOOL", "UINT8", "UINT16", "UINT32", "UINT64", "INT8", "INT16", "FP16", "BYTES");

  private TensorJson() {}

  static Tensor read(JsonNode node) {
    if (!node.isObject()
        || !node.path("name").isTextual()
        || !node.path("datatype").isTextual()
        || !node.has("shape")
        || !node.has("data")) {
      throw bad("an input is an object with name, shape, datatype and data");
    }
    String name = ClientText.field("an input name", node.get("name").asText());
    String shown = ClientText.bounded(name);
    String datatype = datatype(shown, node.get("datatype").asText());
    long[] shape = shape(shown, node.get("shape"));
    long count = count(shown, shape);
    Object data =
        TensorValues.typed(
            shown, datatype, TensorValues.elements(shown, node.get("data"), shape, count));
    return new Tensor(name, datatype, shape, data);
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
        for (int i = 0; i < values.length; i++) {
          data.add(finite(tensor, i, values[i]));
        }
      }
      case double[] values -> {
        for (int i = 0; i < values.length; i++) {
          data.add(finite(tensor, i, values[i]));
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

  private static double finite(Tensor tensor, int index, double value) {
    if (!Double.isFinite(value)) {
      throw new Problem(
          422,
          "NON_FINITE_OUTPUT",
          "output "
              + tensor.name()
              + " data["
              + index
              + "] is "
              + value
              + "; JSON has no NaN or Infinity, so the answer cannot be written");
    }
    return value;
  }

  private static String datatype(String name, String datatype) {
    if (SERVED.contains(datatype)) {
      return datatype;
    }
    String shown = ClientText.bounded(datatype);
    throw bad(
        PROTOCOL.contains(datatype)
            ? name + ": datatype " + shown + " is not served here; use FP32, FP64, INT32 or INT64"
            : name + ": datatype " + shown + " is not an Open Inference Protocol datatype");
  }

  /** The shape: a JSON array of whole numbers, none negative. */
  private static long[] shape(String name, JsonNode node) {
    if (!node.isArray()) {
      throw bad(name + ": shape must be an array of whole numbers");
    }
    long[] shape = new long[node.size()];
    for (int i = 0; i < shape.length; i++) {
      JsonNode dim = node.get(i);
      if (!dim.isIntegralNumber() || !dim.canConvertToLong() || dim.longValue() < 0) {
        throw bad(
            name
                + ": shape["
                + i
                + "] must be a whole number of at least 0, not "
                + ClientText.bounded(dim.toString()));
      }
      shape[i] = dim.longValue();
    }
    return shape;
  }

  private static long count(String name, long[] shape) {
    long count = 1;
    try {
      for (long dim : shape) {
        count = Math.multiplyExact(count, dim);
      }
    } catch (ArithmeticException e) {
      throw bad(name + ": shape holds more values than can be counted");
    }
    return count;
  }

  private static Problem bad(String detail) {
    return Problem.badRequest("BAD_TENSOR", detail);
  }
}
