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
 * database (spec 90-quality: ≥ 0.8 of it), in alternating rounds ({@code -Dcairn.bench.rounds},
 * default 5).
 */
final class AliasPutBenchmark implements Benchmark {

  private static final int MODELS = 64;
  private static final int CONNECTIONS = 32;
  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final Duration MEASURE = Duration.ofSeconds(10);
  private static final Duration ROUND = Duration.ofSeconds(10);

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
      // Then the same load from wrk (in its own process: the registry without the JDK client
      // beside it) alternating with the reference, the same statements in one transaction
      // straight from pgbench on the same database and aliases. wrk warms up first: after 5 s of
      // it the first round still ran 20-40 % below the next ones. pgbench warms up too: without
      // it its first round ran a third below its later ones and flattered the first ratio.
      wrk(base, ROUND);
      PgbenchReference.tps(
          registry.dataSource(), PgbenchReference.script("alias-put.sql"), CONNECTIONS, ROUND);
      Results results = new Results();
      Alternation.Verdict verdict =
          Alternation.run(
              results,
              Integer.getInteger("cairn.bench.rounds", 5),
              new Alternation.Named(
                  "alias_puts_wrk", () -> Alternation.Sample.of(wrk(base, ROUND))),
              new Alternation.Named(
                  "pgbench",
                  () ->
                      Alternation.Sample.rate(
                          PgbenchReference.tps(
                              registry.dataSource(),
                              PgbenchReference.script("alias-put.sql"),
                              CONNECTIONS,
                              ROUND))));
      return results
          .put("models", MODELS)
          .put("connections", CONNECTIONS)
          .put("alias_puts_per_s_jdk_client", load.perSecond())
          .put("p50_ms_jdk_client", load.p50Ms())
          .put("p99_ms_jdk_client", load.p99Ms())
          .put("failures_jdk_client", load.failures())
          .put("alias_puts_p99_ms_wrk", verdict.medianSubjectP99Ms())
          .put("ratio_to_pgbench_wrk", verdict.medianRatio())
          .put("target_ratio", 0.8);
    }
  }

  private static WrkDriver.Run wrk(URI base, Duration duration) throws Exception {
    return WrkDriver.run(
        base,
        PgbenchReference.script("../wrk/alias-put.lua"),
        CONNECTIONS,
        duration,
        "2",
        Integer.toString(MODELS),
        LocalRegistry.ADMIN);
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
