package dev.cairn.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * What the access log costs (spec 90-quality: ≤ 10 % of resolve throughput): the cached resolve
 * load of {@link ResolveBenchmark} against a registry writing an access line for every request
 * ({@code CAIRN_ACCESS_LOG=all}), held to the same load against one with the access log off. Lines
 * go wherever this process's stderr goes: run it with {@code 2>file} to count the disk.
 */
final class AccessLogBenchmark implements Benchmark {

  private static final int CONNECTIONS = 64;
  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final Duration MEASURE = Duration.ofSeconds(15);

  @Override
  public Results run() throws Exception {
    LoadDriver.Load off = measure("off");
    LoadDriver.Load on = measure("all");
    return new Results()
        .put("connections", CONNECTIONS)
        .put("resolve_per_s_log_off", off.perSecond())
        .put("resolve_per_s_log_all", on.perSecond())
        .put("ratio_log_on_to_off", on.perSecond() / off.perSecond())
        .put("target_ratio", 0.9)
        .put("p99_ms_log_off", off.p99Ms())
        .put("p99_ms_log_all", on.p99Ms())
        .put("failures", off.failures() + on.failures());
  }

  private static LoadDriver.Load measure(String accessLog) throws Exception {
    try (LocalRegistry registry = LocalRegistry.start(Map.of("CAIRN_ACCESS_LOG", accessLog))) {
      URI uri = ResolveBenchmark.resolvable(registry);
      LoadDriver driver = new LoadDriver();
      driver.run(CONNECTIONS, WARM_UP, i -> ResolveBenchmark.resolve(uri));
      return driver.run(CONNECTIONS, MEASURE, i -> ResolveBenchmark.resolve(uri));
    }
  }
}
