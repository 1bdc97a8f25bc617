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
 *
 * <p>Rounds: {@code -Dcairn.bench.rounds} (default 5). {@code -Dcairn.bench.accessLog=off} runs the
 * subject with the log off as well: an A/A run whose ratio should be 1.0 and shows how far this
 * machine and method stray from it.
 */
final class AccessLogBenchmark implements Benchmark {

  private static final int CONNECTIONS = 64;
  private static final Duration WARM_UP = Duration.ofSeconds(10);
  private static final Duration ROUND = Duration.ofSeconds(10);

  @Override
  public Results run() throws Exception {
    int rounds = Integer.getInteger("cairn.bench.rounds", 5);
    String subjectLog = System.getProperty("cairn.bench.accessLog", "all");
    try (LocalRegistry logging = LocalRegistry.start(Map.of("CAIRN_ACCESS_LOG", subjectLog));
        LocalRegistry quiet = LocalRegistry.start(Map.of("CAIRN_ACCESS_LOG", "off"))) {
      URI all = ResolveBenchmark.resolvable(logging);
      URI off = ResolveBenchmark.resolvable(quiet);
      ResolveBenchmark.wrkGet(all, WARM_UP);
      ResolveBenchmark.wrkGet(off, WARM_UP);
      Results results = new Results();
      Alternation.Verdict verdict =
          Alternation.run(
              results,
              rounds,
              new Alternation.Named(
                  "log_all", () -> Alternation.Sample.of(ResolveBenchmark.wrkGet(all, ROUND))),
              new Alternation.Named(
                  "log_off", () -> Alternation.Sample.of(ResolveBenchmark.wrkGet(off, ROUND))));
      return results
          .put("connections", CONNECTIONS)
          .put("subject_access_log", subjectLog)
          .put("ratio_log_all_to_off", verdict.medianRatio())
          .put("p99_ms_log_all", verdict.medianSubjectP99Ms())
          .put("target_ratio", 0.9);
    }
  }
}
