package dev.cairn.runtime.onnx;

import dev.cairn.runtime.Tensor;
import dev.cairn.runtime.TensorRejected;
import dev.cairn.runtime.TensorSpec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks request tensors against a model's declared inputs, with messages a client can act on. */
final class TensorChecks {

  private TensorChecks() {}

  static List<Tensor> matching(List<TensorSpec> declared, List<Tensor> request) {
    Map<String, Tensor> byName = new HashMap<>();
    for (Tensor tensor : request) {
      if (byName.put(tensor.name(), tensor) != null) {
        throw new TensorRejected("input " + tensor.name() + " is given twice");
      }
    }
    for (String name : byName.keySet()) {
      if (declared.stream().noneMatch(spec -> spec.name().equals(name))) {
        throw new TensorRejected("the model has no input " + name);
      }
    }
    return declared.stream().map(spec -> check(spec, byName.get(spec.name()))).toList();
  }

  private static Tensor check(TensorSpec spec, Tensor tensor) {
    if (tensor == null) {
      throw new TensorRejected("input " + spec.name() + " is missing");
    }
    if (!spec.datatype().equals(tensor.datatype())) {
      throw new TensorRejected(
          "input " + spec.name() + " is " + spec.datatype() + ", not " + tensor.datatype());
    }
    long[] shape = tensor.shape();
    boolean fits = shape.length == spec.shape().length;
    for (int i = 0; fits && i < shape.length; i++) {
      fits = shape[i] >= 0 && (spec.shape()[i] < 0 || spec.shape()[i] == shape[i]);
    }
    if (!fits) {
      throw new TensorRejected(
          "input "
              + spec.name()
              + " has shape "
              + Arrays.toString(shape)
              + "; the model takes "
              + Arrays.toString(spec.shape()));
    }
    if (length(tensor.data()) != tensor.elementCount()) {
      throw new TensorRejected(
          "input "
              + spec.name()
              + " has "
              + length(tensor.data())
              + " values for shape "
              + Arrays.toString(shape));
    }
    return tensor;
  }

  private static long length(Object data) {
    return switch (data) {
      case float[] values -> values.length;
      case double[] values -> values.length;
      case int[] values -> values.length;
      case long[] values -> values.length;
      default -> -1;
    };
  }
}
