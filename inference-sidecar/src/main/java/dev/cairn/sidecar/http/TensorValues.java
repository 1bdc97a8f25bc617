package dev.cairn.sidecar.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code data} of an OIP v2 tensor read strictly: a flat array of exactly as many elements as
 * the shape holds, or arrays nested exactly as the shape says; every element a JSON value of the
 * datatype (FP32 and FP64 finite numbers in range, INT32 and INT64 whole numbers in range).
 */
final class TensorValues {

  private TensorValues() {}

  /** The elements of {@code data} in row-major order, checked against the shape. */
  static List<JsonNode> elements(String name, JsonNode data, long[] shape, long count) {
    if (data == null || !data.isArray()) {
      throw bad(name + ": data must be a JSON array");
    }
    List<JsonNode> out = new ArrayList<>();
    boolean flat = true;
    for (JsonNode element : data) {
      flat &= !element.isArray();
    }
    if (flat) {
      if (data.size() != count) {
        throw bad(
            name
                + ": data holds "
                + data.size()
                + " values; shape "
                + Arrays.toString(shape)
                + " holds "
                + count);
      }
      data.forEach(out::add);
    } else {
      nested(name, data, shape, 0, out);
    }
    return out;
  }

  /** The typed flat Java array of {@code datatype} holding {@code values}. */
  static Object typed(String name, String datatype, List<JsonNode> values) {
    int n = values.size();
    switch (datatype) {
      case "FP32" -> {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
          JsonNode v = values.get(i);
          if (!v.isNumber() || !Float.isFinite((float) v.doubleValue())) {
            throw element(name, i, "FP32", "a finite JSON number within FP32's range", v);
          }
          out[i] = v.floatValue();
        }
        return out;
      }
      case "FP64" -> {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
          JsonNode v = values.get(i);
          if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw element(name, i, "FP64", "a finite JSON number within FP64's range", v);
          }
          out[i] = v.doubleValue();
        }
        return out;
      }
      case "INT32" -> {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
          JsonNode v = values.get(i);
          if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw element(name, i, "INT32", "a whole JSON number within INT32's range", v);
          }
          out[i] = v.intValue();
        }
        return out;
      }
      case "INT64" -> {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
          JsonNode v = values.get(i);
          if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw element(name, i, "INT64", "a whole JSON number within INT64's range", v);
          }
          out[i] = v.longValue();
        }
        return out;
      }
      default -> throw new IllegalArgumentException("unchecked datatype " + datatype);
    }
  }

  private static void nested(
      String name, JsonNode node, long[] shape, int depth, List<JsonNode> out) {
    if (depth == shape.length) {
      if (node.isArray()) {
        throw nesting(name, shape, depth);
      }
      out.add(node);
      return;
    }
    if (!node.isArray() || node.size() != shape[depth]) {
      throw nesting(name, shape, depth);
    }
    for (JsonNode child : node) {
      nested(name, child, shape, depth + 1, out);
    }
  }

  private static Problem nesting(String name, long[] shape, int depth) {
    return bad(
        name
            + ": nested data must nest as shape "
            + Arrays.toString(shape)
            + " (it differs at depth "
            + depth
            + "), or be one flat array");
  }

  private static Problem element(
      String name, int index, String datatype, String wanted, JsonNode v) {
    return bad(
        name
            + ": "
            + datatype
            + " data["
            + index
            + "] must be "
            + wanted
            + ", not "
            + ClientText.bounded(v.toString()));
  }

  private static Problem bad(String detail) {
    return Problem.badRequest("BAD_TENSOR", detail);
  }
}
