package dev.cairn.sidecar.testing;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.runtime.testing.OnnxModels;
import dev.cairn.sidecar.Sidecar;
import dev.cairn.sidecar.config.SidecarSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Starts sidecars against a test registry and publishes the small ONNX versions they serve. */
public final class Sidecars {

  private Sidecars() {}

  /**
   * A sidecar on a free loopback port with short re-resolve (5 s) and report (1 s) periods, holding
   * the {@code sidecar}-role token of the test registry's tokens file (as the chart's sidecars do).
   */
  public static Sidecar start(
      URI registry, String project, String model, Path cacheDir, List<Path> imageRoots) {
    try {
      return Sidecar.start(settings(registry, project, model, cacheDir, imageRoots));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static SidecarSettings settings(
      URI registry, String project, String model, Path cacheDir, List<Path> imageRoots) {
    return SidecarSettings.loopback(
            registry, TestTokens.SIDECAR, project, model, cacheDir, "sidecar-" + project)
        .withImageRoots(imageRoots)
        .withPeriods(Duration.ofSeconds(5), Duration.ofSeconds(1));
  }

  /**
   * A fresh project with a single-variant model whose {@code production} alias is not protected, so
   * tests may flip it faster than the protected-alias rate limit allows.
   */
  public static String projectWithModel(TestRegistry registry, String prefix, String model) {
    String project = TestRegistry.uniqueProject(prefix);
    registry
        .client(TestTokens.ADMIN)
        .projects()
        .create(new ProjectCreate(project, null, new Policies(false, 0, true)));
    registry.client(TestTokens.PUBLISHER).models().create(project, ModelCreate.named(model));
    return project;
  }

  /**
   * A fresh project whose model {@code scorer} has ONNX versions {@code v1} … {@code v<count>},
   * version {@code vi} answering {@code i}, with {@code production} on {@code v1}.
   */
  public static String scorerProject(TestRegistry registry, String prefix, int count) {
    String project = projectWithModel(registry, prefix, "scorer");
    CairnClient publisher = registry.client(TestTokens.PUBLISHER);
    for (int i = 1; i <= count; i++) {
      onnxVersion(publisher, project, "scorer", "v" + i, i);
    }
    registry
        .client(TestTokens.APPROVER)
        .aliases()
        .put(project, "scorer", "production", AliasUpdate.version("v1", "start"), null, null);
    return project;
  }

  /** Publishes an ONNX version whose every answer is {@code marker}. */
  public static Version onnxVersion(
      CairnClient publisher, String project, String model, String name, float marker) {
    try {
      Path file = Files.createTempFile("model-" + name, ".onnx");
      Files.write(file, OnnxModels.constant(3, 1, marker));
      return publisher
          .versions()
          .publish(
              project,
              model,
              new VersionCreate(name, null, "onnx", null, null, null, null, null, null, null),
              Map.of("model.onnx", file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
