package dev.cairn.runtime.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.cairn.runtime.Tensor;
import dev.cairn.runtime.TensorRejected;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Map;

/** Converts between OIP datatypes with flat Java arrays and ONNX Runtime tensors. */
final class OnnxTypes {

  private static final Map<OnnxJavaType, String> DATATYPES =
      Map.of(
          OnnxJavaType.FLOAT, "FP32",
          OnnxJavaType.DOUBLE, "FP64",
          OnnxJavaType.INT32, "INT32",
          OnnxJavaType.INT64, "INT64");

  private OnnxTypes() {}

  /** The OIP datatype of an ONNX element type, or null when this runtime does not serve it. */
  static String datatype(OnnxJavaType type) {
    return DATATYPES.get(type);
  }

  static OnnxTensor toOnnx(OrtEnvironment env, Tensor tensor) throws OrtException {
    return switch (tensor.data()) {
      case float[] values -> OnnxTensor.createTensor(env, FloatBuffer.wrap(values), tensor.shape());
      case double[] values ->
          OnnxTensor.createTensor(env, DoubleBuffer.wrap(values), tensor.shape());
      case int[] values -> OnnxTensor.createTensor(env, IntBuffer.wrap(values), tensor.shape());
      case long[] values -> OnnxTensor.createTensor(env, LongBuffer.wrap(values), tensor.shape());
      default -> throw new TensorRejected(tensor.name() + ": unsupported data");
    };
  }

  static Tensor fromOnnx(String name, OnnxTensor value) {
    long[] shape = value.getInfo().getShape();
    OnnxJavaType type = value.getInfo().type;
    Object data =
        switch (type) {
          case FLOAT -> copy(value.getFloatBuffer());
          case DOUBLE -> copy(value.getDoubleBuffer());
          case INT32 -> copy(value.getIntBuffer());
          case INT64 -> copy(value.getLongBuffer());
          default -> throw new TensorRejected(name + ": output type " + type + " is not served");
        };
    return new Tensor(name, datatype(type), shape, data);
  }

  private static float[] copy(FloatBuffer buffer) {
    float[] out = new float[buffer.remaining()];
    buffer.get(out);
    return out;
  }

  private static double[] copy(DoubleBuffer buffer) {
    double[] out = new double[buffer.remaining()];
    buffer.get(out);
    return out;
  }

  private static int[] copy(IntBuffer buffer) {
    int[] out = new int[buffer.remaining()];
    buffer.get(out);
    return out;
  }

  private static long[] copy(LongBuffer buffer) {
    long[] out = new long[buffer.remaining()];
    buffer.get(out);
    return out;
  }
}
