package dev.cairn.sidecar.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.runtime.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The OIP v2 tensor types the one-model HTTP test cannot reach (its model takes FP32 only): whole
 * numbers for INT32 and INT64 within range, the protocol's edge shapes, and non-finite outputs.
 */
class TensorJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void integerDatatypesTakeWholeNumbersWithinTheirRangeOnly() {
    assertThat((int[]) read("[2]", "INT32", "[7,-7]").data()).containsExactly(7, -7);
    assertThat((long[]) read("[1]", "INT64", "[9223372036854775807]").data())
        .containsExactly(Long.MAX_VALUE);
    assertRefused("[1]", "INT32", "[1.5]", "INT32 data[0] must be a whole JSON number");
    assertRefused("[1]", "INT32", "[2.0]", "INT32 data[0]");
    assertRefused("[1]", "INT32", "[2147483648]", "INT32 data[0]");
    assertRefused("[1]", "INT64", "[9223372036854775808]", "INT64 data[0]");
    assertRefused("[1]", "INT64", "[\"1\"]", "INT64 data[0]");
    assertRefused("[1]", "FP64", "[1e400]", "FP64 data[0]");
    assertRefused("[1]", "FP64", "[null]", "FP64 data[0]");
  }

  @Test
  void edgeShapesFollowTheProtocol() {
    assertThat((double[]) read("[]", "FP64", "[2.5]").data()).containsExactly(2.5);
    assertThat((float[]) read("[2,0]", "FP32", "[]").data()).isEmpty();
    assertThat((float[]) read("[2,2]", "FP32", "[[1,2],[3,4]]").data())
        .containsExactly(1f, 2f, 3f, 4f);
    assertRefused("[-1,3]", "FP32", "[1,2,3]", "shape[0] must be a whole number of at least 0");
    assertRefused("[4294967296,4294967296]", "FP32", "[1]", "more values than can be counted");
    assertRefused("[1]", "BYTES", "[\"a\"]", "BYTES is not served here");
    assertRefused("[1]", "FP32", "[1,2]", "data holds 2 values; shape [1] holds 1");
  }

  @Test
  void refusesNonFiniteOutputsInsteadOfWritingThemAsStrings() {
    for (float value : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
      Tensor out = new Tensor("y", "FP32", new long[] {2}, new float[] {1, value});
      assertThatThrownBy(() -> TensorJson.write(JSON, out))
          .isInstanceOfSatisfying(
              Problem.class,
              p -> {
                assertThat(p.status()).isEqualTo(422);
                assertThat(p.code()).isEqualTo("NON_FINITE_OUTPUT");
              })
          .hasMessageContaining("output y data[1]");
    }
    Tensor fine = new Tensor("y", "FP64", new long[] {1}, new double[] {Double.MAX_VALUE});
    assertThat(TensorJson.write(JSON, fine).toString()).contains("1.7976931348623157E308");
  }

  private static Tensor read(String shape, String datatype, String data) {
    return TensorJson.read(tensor(shape, datatype, data));
  }

  private static void assertRefused(String shape, String datatype, String data, String detail) {
    assertThatThrownBy(() -> read(shape, datatype, data))
        .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("BAD_TENSOR"))
        .hasMessageContaining(detail);
  }

  private static JsonNode tensor(String shape, String datatype, String data) {
    try {
      return JSON.readTree(
          "{\"name\":\"x\",\"shape\":"
              + shape
              + ",\"datatype\":\""
              + datatype
              + "\",\"data\":"
              + data
              + "}");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
