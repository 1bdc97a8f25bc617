package dev.cairn.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * What the access log costs (spec 90-quality: ≤ 10 % of resolve throughput): the cached resolve
 * load of {@link ResolveBenchmark} from wrk against a registry writing an access line for every
 * request ({@code CAIRN_ACCESS_LOG=all}), held to a registry with the access log off. Both run in
 * this JVM at once, so they share its JIT, and the load alternates between them round by round.
 * Lines go wherever this process's stderr goes: run it with {@code 2>file} to count the disk.
 */
final class AccessLogBenchmark implements Benchmark {

  private static final int CONNECTIONS = 64;
  private static final Duration WARM_UP = Duration.ofSeconds(10);
  private static final int ROUNDS = 5;
  private static final Duration ROUND = Duration.ofSeconds(10);

  @Override
  public Results run() throws Exception {
    try (LocalRegistry logging = LocalRegistry.start(Map.of("CAIRN_ACCESS_LOG", "all"));
        LocalRegistry quiet = LocalRegistry.start(Map.of("CAIRN_ACCESS_LOG", "off"))) {
      URI all = ResolveBenchmark.resolvable(logging);
      URI off = ResolveBenchmark.resolvable(quiet);
      ResolveBenchmark.wrkGet(all, WARM_UP);
      ResolveBenchmark.wrkGet(off, WARM_UP);
      Results results = new Results();
      Alternation.Verdict verdict =
          Alternation.run(
              results,
              ROUNDS,
              new Alternation.Named(
                  "log_all", () -> Alternation.Sample.of(ResolveBenchmark.wrkGet(all, ROUND))),
              new Alternation.Named(
                  "log_off", () -> Alternation.Sample.of(ResolveBenchmark.wrkGet(off, ROUND))));
      return results
          .put("connections", CONNECTIONS)
          .put("ratio_log_all_to_off", verdict.medianRatio())
          .put("p99_ms_log_all", verdict.medianSubjectP99Ms())
          .put("target_ratio", 0.9);
    }
  }
}
