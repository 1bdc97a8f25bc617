package dev.cairn.runtime;

import java.util.Arrays;

/**
 * A named tensor in Open Inference Protocol terms: {@code datatype} is {@code FP32}, {@code FP64},
 * {@code INT32} or {@code INT64} and {@code data} the matching flat Java array ({@code float[]},
 * {@code double[]}, {@code int[]}, {@code long[]}) in row-major order.
 */
public record Tensor(String name, String datatype, long[] shape, Object data) {

  public long elementCount() {
    return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Tensor that
        && name.equals(that.name)
        && datatype.equals(that.datatype)
        && Arrays.equals(shape, that.shape)
        && Arrays.deepEquals(new Object[] {data}, new Object[] {that.data});
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return name + datatype + Arrays.toString(shape);
  }
}
