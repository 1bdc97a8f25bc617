package dev.cairn.registry.console;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.InstanceReport;
import dev.cairn.client.model.LoadedVersion;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.StdRegistrationRequest;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.runtime.testing.InkImages;
import dev.cairn.runtime.testing.OnnxModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the console tests look at (issue 16): a three-mode ink model in production, an ONNX model
 * with 300 versions, filler models for paging, two sidecar instance reports, and a model whose
 * description tries to inject a script.
 */
record ConsoleData(String project) {

  static final String INK = "sku001-ink-a";
  static final String SCORER = "scorer";
  static final String HOSTILE = "hostile";
  static final String SCRIPT =
      "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned=2\">";
  static final int SCORER_VERSIONS = 300;

  /** The MID standard registered after production was set: v4, not yet active. */
  static final String NEW_MID = "v4";

  private static ConsoleData shared;

  /** The data, seeded once per test JVM into the shared registry. */
  static synchronized ConsoleData shared(TestRegistry registry) throws Exception {
    if (shared == null) {
      shared = seed(registry, Files.createTempDirectory("cairn-console"));
    }
    return shared;
  }

  private static ConsoleData seed(TestRegistry registry, Path work) throws Exception {
    String project = TestRegistry.uniqueProject("console");
    CairnClient admin = registry.client(TestTokens.ADMIN);
    CairnClient publisher = registry.client(TestTokens.PUBLISHER);
    admin.projects().create(ProjectCreate.named(project));
    publisher
        .models()
        .create(project, ModelCreate.named(INK).withVariants(List.of("LOW", "MID", "HIGH"), "MID"));
    Map<String, String> pointers = new LinkedHashMap<>();
    int seed = 1;
    for (String mode : List.of("LOW", "MID", "HIGH")) {
      List<Path> images = new ArrayList<>();
      for (int i = 0; i < 3; i++, seed++) {
        images.add(
            Files.write(work.resolve(mode + i + ".png"), InkImages.twoInks(240, 180, seed).png()));
      }
      pointers.put(
          mode,
          publisher
              .versions()
              .registerStandard(project, INK, StdRegistrationRequest.of(mode, images, 2))
              .version());
    }
    registry
        .client(TestTokens.APPROVER)
        .aliases()
        .put(
            project,
            INK,
            "production",
            AliasUpdate.pointers(pointers, "first standards"),
            null,
            null);
    for (String line : List.of("a", "b")) {
      Map<String, LoadedVersion> loaded = new LinkedHashMap<>();
      pointers.forEach(
          (variant, version) ->
              loaded.put(variant, new LoadedVersion(version, null, Instant.now())));
      registry
          .client(TestTokens.SIDECAR)
          .instances()
          .report(
              project,
              "line-3-" + line,
              new InstanceReport(
                  INK, "production", 1L, loaded, "READY", null, "pod-" + line, "node-1", 600));
    }
    List<Path> mid = new ArrayList<>();
    for (int i = 0; i < 3; i++, seed++) {
      mid.add(
          Files.write(
              work.resolve("MID-new" + i + ".png"), InkImages.twoInks(240, 180, seed).png()));
    }
    publisher.versions().registerStandard(project, INK, StdRegistrationRequest.of("MID", mid, 2));
    scorerWithVersions(publisher, project, work);
    for (int i = 0; i < 28; i++) {
      publisher
          .models()
          .create(
              project,
              ModelCreate.named(String.format("filler-%02d", i))
                  .withLabels(Map.of("line", i % 2 == 0 ? "3" : "4")));
    }
    publisher.models().create(project, ModelCreate.named(HOSTILE).withDescription(SCRIPT));
    return new ConsoleData(project);
  }

  private static void scorerWithVersions(CairnClient publisher, String project, Path work)
      throws Exception {
    publisher.models().create(project, ModelCreate.named(SCORER));
    Path onnx = Files.write(work.resolve("scorer.onnx"), OnnxModels.constant(2, 1, 1f));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 1; i <= SCORER_VERSIONS; i++) {
        String name = "v" + i;
        done.add(
            pool.submit(
                () ->
                    publisher
                        .versions()
                        .publish(
                            project,
                            SCORER,
                            VersionCreate.ofFormat("onnx").named(name),
                            Map.of("model.onnx", onnx))));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Where the console screenshots go: {@code target/console-screenshots} on every run, and the
   * README's {@code docs/console} only when asked for with {@code -Dcairn.docs.screenshots=true},
   * so a test run never rewrites tracked files.
   */
  static Path screenshots() throws IOException {
    Path dir =
        Boolean.getBoolean("cairn.docs.screenshots")
            ? Path.of("..", "docs", "console")
            : Path.of("target", "console-screenshots");
    return Files.createDirectories(dir.toAbsolutePath().normalize());
  }
}
