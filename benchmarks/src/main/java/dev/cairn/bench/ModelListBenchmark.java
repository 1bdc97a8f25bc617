package dev.cairn.bench;

import dev.cairn.client.model.ProjectCreate;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Model listing at 1,000, 10,000 and 100,000 models in a project (spec 90-quality: a list of
 * 100,000 pages as fast as one of 1,000; ratio of p99s ≤ 1.5). Models are inserted with SQL (the
 * API would take minutes for 100,000); each size is then listed page after page by the keyset
 * token, 100 a page, from the first page to the last, one request at a time.
 */
final class ModelListBenchmark implements Benchmark {

  private static final int[] SIZES = {1_000, 10_000, 100_000};
  private static final int SAMPLES = 400;
  private static final String INSERT =
      "INSERT INTO models (id, project_id, name, labels, variants, default_variant, state,"
          + " created_at, created_by, updated_at)"
          + " SELECT gen_random_uuid(), p.id, 'm' || lpad(CAST(g AS text), 6, '0'),"
          + " CAST('{}' AS jsonb), CAST('[\"default\"]' AS jsonb), 'default', 'LIVE',"
          + " now() - make_interval(secs => ? - g), 'bench', now()"
          + " FROM projects p, generate_series(1, ?) g WHERE p.name = ? AND p.deleted_at IS NULL";

  private final HttpClient http = HttpClient.newHttpClient();

  @Override
  public Results run() throws Exception {
    Results results = new Results();
    Map<Integer, Double> p99 = new TreeMap<>();
    try (LocalRegistry registry = LocalRegistry.start(Map.of())) {
      var source = registry.dataSource();
      for (int size : SIZES) {
        String project = "list-" + size;
        registry.admin().projects().create(ProjectCreate.named(project));
        try (Connection c =
                DriverManager.getConnection(source.url(), source.user(), source.password());
            PreparedStatement s = c.prepareStatement(INSERT)) {
          s.setInt(1, size);
          s.setInt(2, size);
          s.setString(3, project);
          s.executeUpdate();
          c.createStatement().execute("ANALYZE models");
        }
        walk(registry.uri(), project, SAMPLES / 4); // warm-up
        List<Double> millis = walk(registry.uri(), project, SAMPLES);
        Collections.sort(millis);
        double p50 = millis.get(millis.size() / 2);
        double high = millis.get((int) Math.ceil(millis.size() * 0.99) - 1);
        p99.put(size, high);
        results.put("p50_ms_" + size, p50).put("p99_ms_" + size, high);
      }
    }
    return results
        .put("ratio_p99_100k_to_1k", p99.get(100_000) / p99.get(1_000))
        .put("target_ratio", 1.5);
  }

  /** Lists {@code requests} pages in order (from the start again after the last): their times. */
  private List<Double> walk(URI registry, String project, int requests) throws Exception {
    List<Double> millis = new ArrayList<>();
    String token = null;
    String base = registry + "/api/v1/projects/" + project + "/models?limit=100";
    for (int i = 0; i < requests; i++) {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      token == null
                          ? base
                          : base
                              + "&page_token="
                              + URLEncoder.encode(token, StandardCharsets.UTF_8)))
              .header("Authorization", "Bearer " + LocalRegistry.ADMIN)
              .build();
      long start = System.nanoTime();
      HttpResponse<String> page = http.send(request, HttpResponse.BodyHandlers.ofString());
      millis.add((System.nanoTime() - start) / 1e6);
      if (page.statusCode() != 200) {
        throw new IllegalStateException("list answered " + page.statusCode());
      }
      int at = page.body().indexOf("\"next_page_token\":\"");
      token = at < 0 ? null : page.body().substring(at + 19, page.body().indexOf('"', at + 19));
    }
    return millis;
  }
}
