package dev.cairn.bench;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/**
 * Alias PUT throughput on embedded PostgreSQL, each connection flipping aliases of its own models
 * between two READY versions, held to {@code pgbench} running the same statements on the same
 * database (spec 90-quality: ≥ 0.8 of it; first round: ≥ 1,000/s).
 */
final class AliasPutBenchmark implements Benchmark {

  private static final int MODELS = 64;
  private static final int CONNECTIONS = 32;
  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final Duration MEASURE = Duration.ofSeconds(15);

  @Override
  public Results run() throws Exception {
    try (LocalRegistry registry = LocalRegistry.start(Map.of())) {
      CairnClient admin = registry.admin();
      admin.projects().create(ProjectCreate.named("bench"));
      for (int m = 0; m < MODELS; m++) {
        admin.models().create("bench", ModelCreate.named("m" + m));
        Publishing.small(admin, "bench", "m" + m, "a" + m);
        Publishing.small(admin, "bench", "m" + m, "b" + m);
      }
      URI base = registry.uri();
      LoadDriver driver = new LoadDriver();
      driver.run(CONNECTIONS, WARM_UP, i -> put(base, i));
      LoadDriver.Load load = driver.run(CONNECTIONS, MEASURE, i -> put(base, i));
      // The same load from wrk in its own process: the registry without the JDK client beside it.
      WrkDriver.Run wrk =
          WrkDriver.run(
              base,
              PgbenchReference.script("../wrk/alias-put.lua"),
              CONNECTIONS,
              MEASURE,
              "2",
              Integer.toString(MODELS),
              LocalRegistry.ADMIN);
      // The reference: the same statements in one transaction, straight from pgbench, on the
      // same database and aliases, right after.
      double pgbench =
          PgbenchReference.tps(
              registry.dataSource(),
              PgbenchReference.script("alias-put.sql"),
              CONNECTIONS,
              MEASURE);
      return new Results()
          .put("models", MODELS)
          .put("connections", CONNECTIONS)
          .put("alias_puts_per_s", load.perSecond())
          .put("alias_puts_per_s_wrk", wrk.perSecond())
          .put("wrk_failures", wrk.failures())
          .put("pgbench_tps", pgbench)
          .put("ratio_to_pgbench", load.perSecond() / pgbench)
          .put("ratio_to_pgbench_wrk", wrk.perSecond() / pgbench)
          .put("target_ratio", 0.8)
          .put("target_per_s", 1000)
          .put("ratio_to_target", load.perSecond() / 1000)
          .put("p50_ms", load.p50Ms())
          .put("p99_ms", load.p99Ms())
          .put("failures", load.failures());
    }
  }

  /** Request {@code i}: worker {@code i / 1e6} flips its own models in turn. */
  private static HttpRequest put(URI base, int i) {
    int worker = i / 1_000_000;
    int step = i % 1_000_000;
    int model = (worker + step * CONNECTIONS) % MODELS;
    // Each model alternates v1, v2, … so every PUT is a real change (a new generation).
    String version = (step / 2) % 2 == 0 ? "v1" : "v2";
    return HttpRequest.newBuilder(
            URI.create(base + "/api/v1/projects/bench/models/m" + model + "/aliases/staging"))
        .header("Authorization", "Bearer " + LocalRegistry.ADMIN)
        .header("Content-Type", "application/json")
        .PUT(
            HttpRequest.BodyPublishers.ofString(
                "{\"version\":\"" + version + "\",\"reason\":\"bench\"}"))
        .build();
  }
}
