package dev.cairn.bench;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.StdRegistrationRequest;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.runtime.color.Lab;
import dev.cairn.runtime.testing.InkImages;
import dev.cairn.runtime.testing.OnnxModels;
import dev.cairn.sidecar.Sidecar;
import dev.cairn.sidecar.config.FleetSettings;
import dev.cairn.sidecar.config.SidecarSettings;
import dev.cairn.sidecar.fleet.ServedModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Fleet serving (issue 14, spec 90-quality): one alias flip reaching 20 sidecars that each serve a
 * selector of 50 ONNX models (alias PUT returned → all 20 serve the new generation of that model);
 * the first {@code /inspect} of a cold colour-signature model (resolve, download, verify, load and
 * inspect, sku routing); and the heap one loaded colour-signature model costs.
 */
final class FleetBenchmark implements Benchmark {

  private static final int MODELS = 50;
  private static final int SIDECARS = 20;
  private static final int FLIPS = 40;
  private static final int STANDARDS = 10;
  private static final Map<String, String> SELECTOR = Map.of("task", "fleet");

  @Override
  public Results run() throws Exception {
    Results results = new Results();
    try (LocalRegistry registry =
        LocalRegistry.start(Map.of("CAIRN_SCRUB_BYTES_PER_SECOND", "0"))) {
      CairnClient admin = registry.admin();
      admin.projects().create(new ProjectCreate("fleet", null, new Policies(false, 0, false)));
      double[] flips = propagation(registry, admin);
      results
          .put("propagation_sidecars", SIDECARS)
          .put("propagation_models_each", MODELS)
          .put("propagation_p50_ms", PropagationBenchmark.percentile(flips, 0.50))
          .put("propagation_p90_ms", PropagationBenchmark.percentile(flips, 0.90))
          .put("propagation_p99_ms", PropagationBenchmark.percentile(flips, 0.99))
          .put("propagation_max_ms", flips[flips.length - 1]);
      cold(registry, admin, results);
    }
    return results.put("target_propagation_p99_ms", 500).put("target_cold_inspect_ms", 300);
  }

  private static double[] propagation(LocalRegistry registry, CairnClient admin) throws Exception {
    for (int i = 0; i < MODELS; i++) {
      String model = "m" + i;
      admin.models().create("fleet", ModelCreate.named(model).withLabels(SELECTOR));
      publish(admin, model, "v1", 1);
      publish(admin, model, "v2", 2);
      flip(admin, model, "v1");
    }
    List<Sidecar> sidecars = new ArrayList<>();
    try {
      for (int s = 0; s < SIDECARS; s++) {
        sidecars.add(
            Sidecar.start(
                settings(registry.uri(), "fleet-" + s)
                    .withFleet(
                        new FleetSettings(List.of(), SELECTOR, true, MODELS, Long.MAX_VALUE))));
      }
      double[] ms = new double[FLIPS];
      for (int i = -4; i < FLIPS; i++) {
        String model = "m" + Math.floorMod(i * 7, MODELS);
        long generation = flip(admin, model, i % 2 == 0 ? "v2" : "v1");
        long returned = System.nanoTime();
        await(sidecars, model, generation);
        if (i >= 0) {
          ms[i] = (System.nanoTime() - returned) / 1e6;
        }
      }
      Arrays.sort(ms);
      return ms;
    } finally {
      sidecars.forEach(Sidecar::close);
    }
  }

  /** The first /inspect of each of 10 cold standards, and the heap they hold once loaded. */
  private static void cold(LocalRegistry registry, CairnClient admin, Results results)
      throws Exception {
    Path images = Files.createTempDirectory("fleet-bench-images");
    for (int i = 0; i < STANDARDS; i++) {
      String model = "std" + i;
      admin
          .models()
          .create(
              "fleet",
              ModelCreate.named(model)
                  .withVariants(List.of("HIGH"), "HIGH")
                  .withLabels(Map.of("task", "inks", "sku", "SKU" + i)));
      List<Path> std = new ArrayList<>();
      for (int k = 0; k < 3; k++) {
        std.add(Files.write(images.resolve(model + k + ".png"), sheet(i, 100 + k)));
      }
      String version =
          admin
              .versions()
              .registerStandard("fleet", model, StdRegistrationRequest.of("HIGH", std, 2))
              .version();
      flip(admin, model, version);
    }
    SidecarSettings settings =
        settings(registry.uri(), "cold")
            .withImageRoots(List.of(images))
            .withFleet(
                new FleetSettings(
                    List.of(), Map.of("task", "inks"), false, STANDARDS, Long.MAX_VALUE));
    try (Sidecar sidecar = Sidecar.start(settings)) {
      long before = heapAfterGc();
      HttpClient http = HttpClient.newHttpClient();
      double[] ms = new double[STANDARDS];
      for (int i = 0; i < STANDARDS; i++) {
        Path print = Files.write(images.resolve("print" + i + ".png"), sheet(i, 7));
        long started = System.nanoTime();
        HttpResponse<String> res =
            http.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + sidecar.port() + "/inspect"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"paths\":[\"" + print + "\"],\"sku\":\"SKU" + i + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        ms[i] = (System.nanoTime() - started) / 1e6;
        if (res.statusCode() != 200 || !res.body().contains("\"decision\":\"OK\"")) {
          throw new IllegalStateException("cold inspect of std" + i + ": " + res.body());
        }
      }
      long loaded = sidecar.fleet().models().values().stream().filter(ServedModel::loaded).count();
      long after = heapAfterGc();
      Arrays.sort(ms);
      results
          .put("cold_inspect_p50_ms", PropagationBenchmark.percentile(ms, 0.50))
          .put("cold_inspect_max_ms", ms[ms.length - 1])
          .put("loaded_standards", loaded)
          .put("heap_per_loaded_standard_kib", (after - before) / Math.max(1, loaded) / 1024);
    }
  }

  private static long heapAfterGc() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static void await(List<Sidecar> sidecars, String model, long generation)
      throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      if (sidecars.stream()
          .allMatch(
              s -> s.fleet().models().get(model).manager().current().generation() >= generation)) {
        return;
      }
      Thread.sleep(0, 200_000);
    }
    throw new IllegalStateException(model + " generation " + generation + " never reached all");
  }

  private static byte[] sheet(int i, long seed) {
    Lab second = new Lab(34 + (i % 5) * 5, 62, 38 - (i / 5) * 8);
    return InkImages.sheet(240, 180).ink(InkImages.BLUE, 0.4).ink(second, 0.6).seed(seed).png();
  }

  private static void publish(CairnClient admin, String model, String name, float marker)
      throws Exception {
    Path file = Files.createTempFile("fleet-" + model + name, ".onnx");
    Files.write(file, OnnxModels.constant(3, 1, marker));
    admin
        .versions()
        .publish(
            "fleet",
            model,
            new VersionCreate(name, null, "onnx", null, null, null, null, null, null, null),
            Map.of("model.onnx", file));
  }

  private static long flip(CairnClient admin, String model, String version) {
    return admin
        .aliases()
        .put("fleet", model, "production", AliasUpdate.version(version, "bench"), null, null)
        .generation();
  }

  private static SidecarSettings settings(URI registry, String id) throws Exception {
    return SidecarSettings.loopback(
        registry,
        LocalRegistry.ADMIN,
        "fleet",
        "unused",
        Files.createTempDirectory("cairn-fleet-" + id),
        id);
  }
}
