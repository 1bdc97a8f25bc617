package dev.cairn.bench;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.VersionCreate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * SHA-256 throughput of a streamed upload and of verify, against {@code sha256sum} on the same file
 * in the same run (spec 90-quality: ≥ 0.8 ×). Size: {@code -Dcairn.bench.bytes}, default 1 GiB.
 */
final class UploadVerifyBenchmark implements Benchmark {

  @Override
  public Results run() throws Exception {
    long size = Long.getLong("cairn.bench.bytes", 1L << 30);
    Path file = Publishing.largeFile(size);
    try (LocalRegistry registry = LocalRegistry.start(Map.of())) {
      double sha256sumSeconds = time(() -> sha256sum(file));
      String sha = Publishing.sha256(file);
      CairnClient admin = registry.admin();
      admin.projects().create(ProjectCreate.named("bench"));
      admin.models().create("bench", ModelCreate.named("big"));
      admin
          .versions()
          .create(
              "bench",
              "big",
              VersionCreate.ofFormat("generic")
                  .withFiles(List.of(new FileDeclaration("model.bin", sha, size, null))));
      double uploadSeconds =
          time(() -> admin.versions().upload("bench", "big", "v1", "model.bin", file, sha));
      admin.versions().complete("bench", "big", "v1");
      double verifySeconds = time(() -> admin.versions().verify("bench", "big", "v1"));
      double mib = size / (1024.0 * 1024.0);
      return new Results()
          .put("bytes", size)
          .put("sha256sum_mib_per_s", mib / sha256sumSeconds)
          .put("upload_mib_per_s", mib / uploadSeconds)
          .put("verify_mib_per_s", mib / verifySeconds)
          .put("upload_to_sha256sum_ratio", sha256sumSeconds / uploadSeconds)
          .put("verify_to_sha256sum_ratio", sha256sumSeconds / verifySeconds)
          .put("ratio_target", 0.8);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void sha256sum(Path file) throws Exception {
    Process p = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("sha256sum failed");
    }
  }

  @FunctionalInterface
  interface Step {
    void run() throws Exception;
  }

  static double time(Step step) throws Exception {
    long start = System.nanoTime();
    step.run();
    return (System.nanoTime() - start) / 1e9;
  }
}
