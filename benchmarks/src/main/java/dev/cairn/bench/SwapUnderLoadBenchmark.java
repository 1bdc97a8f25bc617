package dev.cairn.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Failed requests during swaps (spec 90-quality: 0): four clients send OIP v2 infer requests
 * without pause while the alias flips 20 times; an error status or a broken connection counts.
 */
final class SwapUnderLoadBenchmark implements Benchmark {

  private static final int CLIENTS = 4;
  private static final int FLIPS = 20;

  @Override
  public Results run() throws Exception {
    try (SidecarFleet fleet = SidecarFleet.start(1)) {
      fleet.awaitGeneration(1, Duration.ofSeconds(60));
      URI infer =
          URI.create(
              "http://127.0.0.1:" + fleet.sidecars().get(0).port() + "/v2/models/scorer/infer");
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong requests = new AtomicLong();
      AtomicLong failures = new AtomicLong();
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        clients.add(Thread.ofPlatform().start(() -> load(infer, running, requests, failures)));
      }
      long started = System.nanoTime();
      for (int i = 0; i < FLIPS; i++) {
        fleet.awaitGeneration(fleet.flip(i % 2 == 0 ? "v2" : "v1"), Duration.ofSeconds(30));
        Thread.sleep(100);
      }
      running.set(false);
      for (Thread client : clients) {
        client.join();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      return new Results()
          .put("flips", FLIPS)
          .put("requests", requests.get())
          .put("requests_per_s", requests.get() / seconds)
          .put("failed_requests", failures.get())
          .put("target_failed_requests", 0);
    }
  }

  private static void load(
      URI infer, AtomicBoolean running, AtomicLong requests, AtomicLong failures) {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(infer)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"inputs\":[{\"name\":\"x\",\"shape\":[1,3],\"datatype\":\"FP32\",\"data\":[1,0,0]}]}"))
            .build();
    while (running.get()) {
      try {
        HttpResponse<String> res = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
          failures.incrementAndGet();
        }
      } catch (Exception e) {
        failures.incrementAndGet();
      }
      requests.incrementAndGet();
    }
  }
}
