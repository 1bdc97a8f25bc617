package dev.cairn.bench;

import java.time.Duration;
import java.util.Arrays;

/**
 * Propagation (spec 90-quality): from the alias PUT returning to every sidecar serving the new
 * generation, with 1 and with 20 sidecars on one registry, small model, bytes already cached after
 * the first two flips. Targets p50 ≤ 100 ms, p99 ≤ 500 ms with 20 sidecars.
 */
final class PropagationBenchmark implements Benchmark {

  private static final int FLIPS = 40;

  @Override
  public Results run() throws Exception {
    Results results = new Results();
    for (int count : new int[] {1, 20}) {
      double[] ms = measure(count);
      results
          .put("sidecars_" + count + "_p50_ms", percentile(ms, 0.50))
          .put("sidecars_" + count + "_p99_ms", percentile(ms, 0.99))
          .put("sidecars_" + count + "_max_ms", ms[ms.length - 1]);
    }
    return results.put("target_p50_ms", 100).put("target_p99_ms", 500).put("flips", FLIPS);
  }

  private static double[] measure(int count) throws Exception {
    try (SidecarFleet fleet = SidecarFleet.start(count)) {
      if (!fleet.awaitGeneration(1, Duration.ofSeconds(60))) {
        throw new IllegalStateException("sidecars did not load generation 1");
      }
      // Two warm-up flips put both versions in every cache.
      for (String version : new String[] {"v2", "v1"}) {
        fleet.awaitGeneration(fleet.flip(version), Duration.ofSeconds(30));
      }
      double[] ms = new double[FLIPS];
      for (int i = 0; i < FLIPS; i++) {
        long generation = fleet.flip(i % 2 == 0 ? "v2" : "v1");
        long returned = System.nanoTime();
        if (!fleet.awaitGeneration(generation, Duration.ofSeconds(30))) {
          throw new IllegalStateException(
              "generation " + generation + " never reached every sidecar");
        }
        ms[i] = (System.nanoTime() - returned) / 1e6;
      }
      Arrays.sort(ms);
      return ms;
    }
  }

  static double percentile(double[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
