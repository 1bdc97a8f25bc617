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
    // Two rounds only warm the JIT, then the two settings alternate, so that neither gains
    // from running later in the same JVM (C2 keeps compiling for a minute).
    measure("off");
    measure("all");
    LoadDriver.Load on1 = measure("all");
    LoadDriver.Load off1 = measure("off");
    LoadDriver.Load on2 = measure("all");
    LoadDriver.Load off2 = measure("off");
    double on = (on1.perSecond() + on2.perSecond()) / 2;
    double off = (off1.perSecond() + off2.perSecond()) / 2;
    return new Results()
        .put("connections", CONNECTIONS)
        .put("resolve_per_s_log_off", off)
        .put("resolve_per_s_log_all", on)
        .put("rounds_log_off", off1.perSecond() + " " + off2.perSecond())
        .put("rounds_log_all", on1.perSecond() + " " + on2.perSecond())
        .put("ratio_log_on_to_off", on / off)
        .put("target_ratio", 0.9)
        .put("p99_ms_log_off", Math.max(off1.p99Ms(), off2.p99Ms()))
        .put("p99_ms_log_all", Math.max(on1.p99Ms(), on2.p99Ms()))
        .put("failures", off1.failures() + off2.failures() + on1.failures() + on2.failures());
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
