package dev.cairn.bench;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.runtime.testing.OnnxModels;
import dev.cairn.sidecar.Sidecar;
import dev.cairn.sidecar.config.SidecarSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A registry with one ONNX model ({@code bench/scorer}, versions {@code v1} answering 1 and {@code
 * v2} answering 2, {@code production} on v1) and sidecars serving it, all in this JVM.
 */
final class SidecarFleet implements AutoCloseable {

  private final LocalRegistry registry;
  private final CairnClient admin;
  private final List<Sidecar> sidecars = new ArrayList<>();

  private SidecarFleet(LocalRegistry registry) {
    this.registry = registry;
    this.admin = registry.admin();
  }

  static SidecarFleet start(int count) throws IOException {
    SidecarFleet fleet = new SidecarFleet(LocalRegistry.start(Map.of()));
    fleet.admin.projects().create(new ProjectCreate("bench", null, new Policies(false, 0, false)));
    fleet.admin.models().create("bench", ModelCreate.named("scorer"));
    fleet.publish("v1", 1);
    fleet.publish("v2", 2);
    fleet.flip("v1");
    for (int i = 0; i < count; i++) {
      fleet.sidecars.add(Sidecar.start(fleet.settings(i)));
    }
    return fleet;
  }

  List<Sidecar> sidecars() {
    return sidecars;
  }

  /** Points {@code production} at {@code version}; returns the new generation. */
  long flip(String version) {
    return admin
        .aliases()
        .put("bench", "scorer", "production", AliasUpdate.version(version, "bench"), null, null)
        .generation();
  }

  /** Waits until every sidecar serves {@code generation}; false after the timeout. */
  boolean awaitGeneration(long generation, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (sidecars.stream().allMatch(s -> s.manager().current().generation() >= generation)) {
        return true;
      }
      Thread.onSpinWait();
      Thread.sleep(0, 200_000);
    }
    return false;
  }

  private void publish(String name, float marker) throws IOException {
    Path file = Files.createTempFile("bench-" + name, ".onnx");
    Files.write(file, OnnxModels.constant(3, 1, marker));
    admin
        .versions()
        .publish(
            "bench",
            "scorer",
            new VersionCreate(name, null, "onnx", null, null, null, null, null, null, null),
            Map.of("model.onnx", file));
  }

  private SidecarSettings settings(int index) throws IOException {
    return SidecarSettings.loopback(
        registry.uri(),
        LocalRegistry.ADMIN,
        "bench",
        "scorer",
        Files.createTempDirectory("cairn-bench-sidecar-" + index),
        "bench-sidecar-" + index);
  }

  @Override
  public void close() {
    sidecars.forEach(Sidecar::close);
    registry.close();
  }
}
