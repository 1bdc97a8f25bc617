package dev.cairn.bench;

import dev.cairn.runtime.colorsignature.EngineParams;
import dev.cairn.runtime.colorsignature.ImageAnalyzer;
import dev.cairn.runtime.colorsignature.ImageDecoder;
import dev.cairn.runtime.colorsignature.Inspector;
import dev.cairn.runtime.colorsignature.StdImageInput;
import dev.cairn.runtime.colorsignature.StdModel;
import dev.cairn.runtime.colorsignature.StdRegistration;
import dev.cairn.runtime.colorsignature.Tolerances;
import dev.cairn.runtime.testing.InkImages;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Inspection of a 1024×1024 PNG against one mode (spec 90-quality: ≤ 30 ms median): decode, pixel
 * analysis, signature, matching. The PNG decode alone is measured beside it as the reference.
 */
final class InspectionBenchmark implements Benchmark {

  private static final int RUNS = 60;
  private static final int WARM_UP = 15;

  @Override
  public Results run() throws Exception {
    List<StdImageInput> std = new ArrayList<>();
    for (int seed = 1; seed <= 3; seed++) {
      byte[] png = print(seed);
      std.add(
          new StdImageInput(
              "std/img" + seed + ".png",
              null,
              ImageAnalyzer.analyze(
                  ImageDecoder.decode(new ByteArrayInputStream(png), "std"),
                  EngineParams.DEFAULTS)));
    }
    StdModel standard =
        StdRegistration.run("HIGH", std, 2, Tolerances.forMode("HIGH"), 3, EngineParams.DEFAULTS)
            .model()
            .orElseThrow();
    byte[] sample = print(99);
    double[] inspect = new double[RUNS];
    double[] decode = new double[RUNS];
    for (int i = -WARM_UP; i < RUNS; i++) {
      long started = System.nanoTime();
      ImageDecoder.decode(new ByteArrayInputStream(sample), "sample");
      long decoded = System.nanoTime();
      var image = ImageDecoder.decode(new ByteArrayInputStream(sample), "sample");
      Inspector.inspect(
          Map.of("HIGH", standard),
          "HIGH",
          List.of(new Inspector.NamedImage("sample", image)),
          null);
      long inspected = System.nanoTime();
      if (i >= 0) {
        decode[i] = (decoded - started) / 1e6;
        inspect[i] = (inspected - decoded) / 1e6;
      }
    }
    Arrays.sort(inspect);
    Arrays.sort(decode);
    double median = PropagationBenchmark.percentile(inspect, 0.5);
    double decodeMedian = PropagationBenchmark.percentile(decode, 0.5);
    return new Results()
        .put("image", "1024x1024 8-bit PNG, 2 inks, 30 % ink")
        .put("decode_and_inspect_median_ms", median)
        .put("png_decode_median_ms", decodeMedian)
        .put("ratio_to_decode", median / decodeMedian)
        .put("target_median_ms", 30);
  }

  private static byte[] print(long seed) {
    return InkImages.twoInks(1024, 1024, seed).png();
  }
}
