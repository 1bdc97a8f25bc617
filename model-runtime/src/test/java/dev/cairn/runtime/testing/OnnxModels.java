package dev.cairn.runtime.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes small ONNX models byte by byte (the ONNX protobuf schema, no generated code), so tests
 * know exactly what a model computes: {@link #linear} is {@code y = x·W + b} with input {@code x}
 * of shape [batch, in] and output {@code y} of shape [batch, out], FP32.
 */
public final class OnnxModels {

  private static final int FLOAT = 1;

  private OnnxModels() {}

  public static byte[] linear(float[][] weights, float[] bias) {
    int in = weights.length;
    int out = bias.length;
    float[] flat = new float[in * out];
    for (int i = 0; i < in; i++) {
      System.arraycopy(weights[i], 0, flat, i * out, out);
    }
    Proto graph =
        new Proto()
            .message(1, node("MatMul", "matmul", new String[] {"x", "W"}, "xw"))
            .message(1, node("Add", "add", new String[] {"xw", "b"}, "y"))
            .string(2, "linear")
            .message(5, tensor("W", new long[] {in, out}, flat))
            .message(5, tensor("b", new long[] {out}, bias))
            .message(11, valueInfo("x", in))
            .message(12, valueInfo("y", out));
    return new Proto()
        .varint(1, 8) // ir_version
        .string(2, "cairn-tests") // producer_name
        .message(7, graph)
        .message(8, new Proto().string(1, "").varint(2, 13)) // opset_import ai.onnx 13
        .bytes();
  }

  /** A model whose answer for input {@code [1, 0, …]} is {@code marker} in every output. */
  public static byte[] constant(int inputs, int outputs, float marker) {
    float[][] weights = new float[inputs][outputs];
    float[] bias = new float[outputs];
    Arrays.fill(bias, marker);
    return linear(weights, bias);
  }

  private static Proto node(String op, String name, String[] inputs, String output) {
    Proto node = new Proto();
    for (String input : inputs) {
      node.string(1, input);
    }
    return node.string(2, output).string(3, name).string(4, op);
  }

  private static Proto tensor(String name, long[] dims, float[] values) {
    Proto tensor = new Proto();
    for (long dim : dims) {
      tensor.varint(1, dim);
    }
    ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float value : values) {
      raw.putFloat(value);
    }
    return tensor.varint(2, FLOAT).string(8, name).raw(9, raw.array());
  }

  private static Proto valueInfo(String name, int width) {
    Proto shape =
        new Proto()
            .message(1, new Proto().string(2, "batch"))
            .message(1, new Proto().varint(1, width));
    Proto tensorType = new Proto().varint(1, FLOAT).message(2, shape);
    return new Proto().string(1, name).message(2, new Proto().message(1, tensorType));
  }

  /** Just enough protobuf wire format: varints and length-delimited fields. */
  private static final class Proto {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Proto varint(int field, long value) {
      writeVarint((long) field << 3);
      writeVarint(value);
      return this;
    }

    Proto string(int field, String value) {
      return raw(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Proto message(int field, Proto message) {
      return raw(field, message.bytes());
    }

    Proto raw(int field, byte[] value) {
      writeVarint(((long) field << 3) | 2);
      writeVarint(value.length);
      out.writeBytes(value);
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }

    private void writeVarint(long value) {
      while ((value & ~0x7FL) != 0) {
        out.write((int) ((value & 0x7F) | 0x80));
        value >>>= 7;
      }
      out.write((int) value);
    }
  }
}
