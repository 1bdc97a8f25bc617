package dev.cairn.registry.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.runtime.testing.OnnxModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blob collection never removes bytes a version is being published with: versions sharing one blob
 * are published, verified and deleted concurrently (each deletion collects the blob if nothing
 * references it), and every version verifies while it lives. A stress test of the invariant the
 * digest locks keep (the publishers hold the lock from making a blob visible to referencing it); it
 * cannot force the interleaving, so it guards against gross breakage, not every schedule.
 */
class CollectionRaceTest {

  private static final int ROUNDS = 60;

  private final TestRegistry registry = TestRegistry.shared();
  @TempDir Path dir;

  @Test
  void publishingAndDeletingVersionsOfTheSameBytesNeverLoseABlob() throws Exception {
    String project = TestRegistry.uniqueProject("gc-race");
    CairnClient admin = registry.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("shared"));
    // An ONNX model: its validation loads it, which keeps each publishing transaction open a while.
    Path bytes = Files.write(dir.resolve("model.onnx"), OnnxModels.constant(3, 1, 1));

    // Each task publishes, verifies and deletes its version; the deletion collects the blob when
    // no other live version holds it, often while another task is publishing the same bytes.
    List<String> failures = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        int r = round;
        work.add(
            pool.submit(
                () -> {
                  Version published = publish(admin, project, "v" + r, bytes);
                  try {
                    admin.versions().verify(project, "shared", published.version());
                  } catch (RuntimeException e) {
                    failures.add(published.version() + ": " + e.getMessage());
                  }
                  admin.versions().delete(project, "shared", published.version());
                  return null;
                }));
      }
      for (Future<?> w : work) {
        w.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(failures).isEmpty();
  }

  private static Version publish(CairnClient client, String project, String name, Path file) {
    return client
        .versions()
        .publish(
            project,
            "shared",
            new VersionCreate(name, null, "onnx", null, null, null, null, null, null, null),
            Map.of("model.onnx", file));
  }
}
