package dev.cairn.bench;

import io.helidon.logging.common.LogConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Runs the benchmarks named on the command line ({@code all} for every one). Each prints its
 * figures, with the ratio to its reference from the same run, and writes them as JSON under {@code
 * benchmarks/target/results/}.
 */
public final class Benchmarks {

  private static final Logger LOG = Logger.getLogger(Benchmarks.class.getName());

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    LogConfig.configureRuntime();
    Path results = Path.of("benchmarks", "target", "results");
    Map<String, Benchmark> all =
        Map.ofEntries(
            Map.entry("resolve", new ResolveBenchmark()),
            Map.entry("access-log", new AccessLogBenchmark()),
            Map.entry("model-list", new ModelListBenchmark()),
            Map.entry("alias-put", new AliasPutBenchmark()),
            Map.entry("upload-verify", new UploadVerifyBenchmark()),
            Map.entry("large-upload", new LargeUploadBenchmark()),
            Map.entry("propagation", new PropagationBenchmark()),
            Map.entry("fleet", new FleetBenchmark()),
            Map.entry("swap-load", new SwapUnderLoadBenchmark()),
            Map.entry("inspection", new InspectionBenchmark()),
            Map.entry("oip-overhead", new OipOverheadBenchmark()),
            Map.entry("oci-pull", new OciPullBenchmark()),
            Map.entry("signed-verify", new SignedVerifyBenchmark()));
    List<String> names =
        args.length == 0 || args[0].equals("all")
            ? List.of(
                "resolve",
                "access-log",
                "model-list",
                "alias-put",
                "upload-verify",
                "large-upload",
                "propagation",
                "fleet",
                "swap-load",
                "inspection",
                "oip-overhead",
                "oci-pull",
                "signed-verify")
            : List.of(args);
    for (String name : names) {
      Benchmark benchmark = all.get(name);
      if (benchmark == null) {
        throw new IllegalArgumentException(
            "unknown benchmark '" + name + "'; known: " + all.keySet());
      }
      LOG.info(() -> "running " + name);
      Results figures = benchmark.run();
      figures.print(name);
      figures.write(results.resolve(name + ".json"));
    }
  }
}
