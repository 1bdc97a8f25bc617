package dev.cairn.bench;

import dev.cairn.runtime.ModelArtifact;
import dev.cairn.runtime.ModelRuntimes;
import dev.cairn.runtime.RuntimeRequirement;
import dev.cairn.runtime.Tensor;
import dev.cairn.runtime.onnx.OnnxModel;
import dev.cairn.runtime.onnx.OnnxSettings;
import dev.cairn.runtime.testing.OnnxModels;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * OIP v2 overhead (spec 90-quality: ≤ 1 ms median): the sidecar's {@code /v2/models/{m}/infer} over
 * loopback HTTP against a direct ONNX Runtime call on the same model, same input, one request at a
 * time.
 */
final class OipOverheadBenchmark implements Benchmark {

  private static final int RUNS = 3000;
  private static final String BODY =
      "{\"inputs\":[{\"name\":\"x\",\"shape\":[1,3],\"datatype\":\"FP32\",\"data\":[1,0,0]}]}";

  @Override
  public Results run() throws Exception {
    Path file = Files.write(Files.createTempFile("bench", ".onnx"), OnnxModels.constant(3, 1, 1));
    double[] direct = new double[RUNS];
    try (OnnxModel model =
        (OnnxModel)
            ModelRuntimes.standard(new OnnxSettings(1, 1))
                .load(
                    "onnx",
                    new ModelArtifact(
                        "default", "v1", Map.of("model.onnx", file), RuntimeRequirement.NONE))) {
      List<Tensor> input =
          List.of(new Tensor("x", "FP32", new long[] {1, 3}, new float[] {1, 0, 0}));
      for (int i = -RUNS; i < RUNS; i++) {
        long started = System.nanoTime();
        model.infer(input);
        if (i >= 0) {
          direct[i] = (System.nanoTime() - started) / 1e6;
        }
      }
    }
    double[] http = new double[RUNS];
    try (SidecarFleet fleet = SidecarFleet.start(1)) {
      fleet.awaitGeneration(1, Duration.ofSeconds(60));
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      "http://127.0.0.1:"
                          + fleet.sidecars().get(0).port()
                          + "/v2/models/scorer/infer"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(BODY))
              .build();
      for (int i = -RUNS; i < RUNS; i++) {
        long started = System.nanoTime();
        HttpResponse<String> res = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
          throw new IllegalStateException("infer answered " + res.statusCode());
        }
        if (i >= 0) {
          http[i] = (System.nanoTime() - started) / 1e6;
        }
      }
    }
    Arrays.sort(direct);
    Arrays.sort(http);
    double directMedian = PropagationBenchmark.percentile(direct, 0.5);
    double httpMedian = PropagationBenchmark.percentile(http, 0.5);
    return new Results()
        .put("direct_median_ms", directMedian)
        .put("oip_http_median_ms", httpMedian)
        .put("overhead_median_ms", httpMedian - directMedian)
        .put("oip_p99_ms", PropagationBenchmark.percentile(http, 0.99))
        .put("target_overhead_ms", 1);
  }
}
