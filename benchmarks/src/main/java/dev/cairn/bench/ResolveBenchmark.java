package dev.cairn.bench;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/**
 * Cached resolve with authentication, 64 connections, against a bare Helidon handler returning a
 * constant JSON (issue 27 item 7: ≥ 0.6 of it, stretch 0.8; p99 ≤ 3× the bare handler's). The bare
 * handler runs twice: in this JVM, beside the registry, and in a JVM of its own; the registry has
 * to hold the ratio against both.
 */
final class ResolveBenchmark implements Benchmark {

  private static final int CONNECTIONS = 64;
  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final Duration MEASURE = Duration.ofSeconds(15);
  private static final int ROUNDS = 5; // issue 27 asks for the median of at least five
  private static final Duration ROUND = Duration.ofSeconds(10);

  @Override
  public Results run() throws Exception {
    WebServer bare = BareServer.start();
    Process ownProcess = BareServer.spawn();
    try (LocalRegistry registry = LocalRegistry.start(Map.of())) {
      URI bareUri = URI.create("http://127.0.0.1:" + bare.port() + "/bare");
      URI ownUri = BareServer.uriOf(ownProcess);
      URI resolveUri = resolvable(registry);
      LoadDriver driver = new LoadDriver();
      driver.run(CONNECTIONS, WARM_UP, i -> HttpRequest.newBuilder(bareUri).build());
      LoadDriver.Load reference =
          driver.run(CONNECTIONS, MEASURE, i -> HttpRequest.newBuilder(bareUri).build());
      driver.run(CONNECTIONS, WARM_UP, i -> resolve(resolveUri));
      LoadDriver.Load resolve = driver.run(CONNECTIONS, MEASURE, i -> resolve(resolveUri));
      // The same pair with wrk in its own process, in alternating rounds: the load driver no
      // longer shares the server's JVM and cores, which is what held the in-JVM p99 up.
      wrkGet(bareUri, WARM_UP);
      wrkGet(ownUri, WARM_UP);
      wrkGet(resolveUri, WARM_UP);
      Results results = new Results();
      Alternation.Verdict wrk =
          Alternation.run(
              results,
              ROUNDS,
              new Alternation.Named(
                  "resolve_wrk", () -> Alternation.Sample.of(wrkGet(resolveUri, ROUND))),
              new Alternation.Named(
                  "bare_wrk", () -> Alternation.Sample.of(wrkGet(bareUri, ROUND))));
      Results own = new Results();
      Alternation.Verdict apart =
          Alternation.run(
              own,
              ROUNDS,
              new Alternation.Named(
                  "resolve_wrk", () -> Alternation.Sample.of(wrkGet(resolveUri, ROUND))),
              new Alternation.Named(
                  "bare_own_jvm_wrk", () -> Alternation.Sample.of(wrkGet(ownUri, ROUND))));
      return results
          .putAll("own_jvm_", own)
          .put("resolve_to_bare_ratio_wrk", wrk.medianRatio())
          .put("resolve_to_bare_ratio_wrk_bare_own_jvm", apart.medianRatio())
          .put("resolve_ratio_target", 0.6)
          .put("resolve_ratio_stretch", 0.8)
          .put("resolve_p99_ms_wrk", wrk.medianSubjectP99Ms())
          .put("bare_p99_ms_wrk", wrk.medianReferenceP99Ms())
          .put("resolve_to_bare_p99_wrk", wrk.medianSubjectP99Ms() / wrk.medianReferenceP99Ms())
          .put(
              "resolve_to_bare_p99_wrk_bare_own_jvm",
              apart.medianSubjectP99Ms() / apart.medianReferenceP99Ms())
          .put("resolve_p99_to_bare_target", 3)
          .put("connections", CONNECTIONS)
          .put("bare_requests_per_s", reference.perSecond())
          .put("resolve_requests_per_s", resolve.perSecond())
          .put("resolve_to_bare_ratio", resolve.perSecond() / reference.perSecond())
          .put("resolve_p50_ms", resolve.p50Ms())
          .put("resolve_p99_ms", resolve.p99Ms())
          .put("bare_p99_ms", reference.p99Ms())
          .put("resolve_failures", resolve.failures());
    } finally {
      bare.stop();
      BareServer.stop(ownProcess);
    }
  }

  static WrkDriver.Run wrkGet(URI uri, Duration duration) throws Exception {
    return WrkDriver.run(
        uri, PgbenchReference.script("../wrk/get.lua"), CONNECTIONS, duration, LocalRegistry.ADMIN);
  }

  /** Publishes one version behind {@code fraud@production}; the URI that resolves it. */
  static URI resolvable(LocalRegistry registry) throws Exception {
    CairnClient admin = registry.admin();
    admin.projects().create(ProjectCreate.named("bench"));
    admin.models().create("bench", ModelCreate.named("fraud"));
    Publishing.small(admin, "bench", "fraud", "weights");
    admin
        .aliases()
        .put("bench", "fraud", "production", AliasUpdate.version("v1", "bench"), null, null);
    return URI.create(registry.uri() + "/api/v1/projects/bench/resolve?ref=fraud@production");
  }

  static HttpRequest resolve(URI uri) {
    return HttpRequest.newBuilder(uri)
        .header("Authorization", "Bearer " + LocalRegistry.ADMIN)
        .build();
  }
}
