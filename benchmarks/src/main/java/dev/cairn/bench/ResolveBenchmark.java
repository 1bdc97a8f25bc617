package dev.cairn.bench;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Cached resolve with authentication, 64 connections, against a bare Helidon handler returning a
 * constant JSON in the same JVM (spec 90-quality: ≥ 50 % of it, p99 ≤ 5 ms).
 */
final class ResolveBenchmark implements Benchmark {

  private static final int CONNECTIONS = 64;
  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final Duration MEASURE = Duration.ofSeconds(15);
  private static final int ROUNDS = 3;
  private static final Duration ROUND = Duration.ofSeconds(10);

  @Override
  public Results run() throws Exception {
    byte[] constant = "{\"service\":\"bare\",\"ok\":true}".getBytes(StandardCharsets.UTF_8);
    WebServer bare =
        WebServer.builder()
            .host("127.0.0.1")
            .port(0)
            .routing(
                r ->
                    r.get(
                        "/bare",
                        (req, res) ->
                            res.header(HeaderNames.CONTENT_TYPE, "application/json")
                                .send(constant)))
            .build()
            .start();
    try (LocalRegistry registry = LocalRegistry.start(Map.of())) {
      URI bareUri = URI.create("http://127.0.0.1:" + bare.port() + "/bare");
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
      return results
          .put("resolve_to_bare_ratio_wrk", wrk.medianRatio())
          .put("resolve_p99_ms_wrk", wrk.medianSubjectP99Ms())
          .put("connections", CONNECTIONS)
          .put("bare_requests_per_s", reference.perSecond())
          .put("resolve_requests_per_s", resolve.perSecond())
          .put("resolve_to_bare_ratio", resolve.perSecond() / reference.perSecond())
          .put("resolve_ratio_target", 0.5)
          .put("resolve_p50_ms", resolve.p50Ms())
          .put("resolve_p99_ms", resolve.p99Ms())
          .put("resolve_p99_target_ms", 5)
          .put("bare_p99_ms", reference.p99Ms())
          .put("resolve_failures", resolve.failures());
    } finally {
      bare.stop();
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
