package dev.cairn.bench;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A 2 GiB upload into a registry process limited to {@code -Xmx256m} (spec 90-quality: succeeds,
 * heap bounded). Size: {@code -Dcairn.bench.large-bytes}, default 2 GiB.
 */
final class LargeUploadBenchmark implements Benchmark {

  private static final Path JAR = Path.of("registry-server", "target", "cairn-registry.jar");

  @Override
  public Results run() throws Exception {
    long size = Long.getLong("cairn.bench.large-bytes", 2L << 30);
    Path file = Publishing.largeFile(size);
    Path dataDir = Files.createTempDirectory("cairn-bench-large");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String javaBinary = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(javaBinary, "-Xmx256m", "-jar", JAR.toString())
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolve("registry.log").toFile());
    builder.environment().put("CAIRN_DATA_DIR", dataDir.toString());
    builder.environment().put("CAIRN_PORT", Integer.toString(port));
    builder.environment().put("CAIRN_HOST", "127.0.0.1");
    builder.environment().put("CAIRN_BOOTSTRAP_ADMIN_TOKEN", LocalRegistry.ADMIN);
    Process registry = builder.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + port);
      CairnClient admin =
          CairnClient.create(
              HttpClient.newHttpClient(), uri, LocalRegistry.ADMIN, Duration.ofMinutes(10));
      awaitReady(admin, registry);
      String sha = Publishing.sha256(file);
      admin.projects().create(ProjectCreate.named("bench"));
      admin.models().create("bench", ModelCreate.named("huge"));
      admin
          .versions()
          .create(
              "bench",
              "huge",
              VersionCreate.ofFormat("generic")
                  .withFiles(List.of(new FileDeclaration("model.bin", sha, size, null))));
      double seconds =
          UploadVerifyBenchmark.time(
              () -> admin.versions().upload("bench", "huge", "v1", "model.bin", file, sha));
      Version ready = admin.versions().complete("bench", "huge", "v1");
      return new Results()
          .put("bytes", size)
          .put("server_heap_limit", "-Xmx256m")
          .put("state", ready.state())
          .put("upload_seconds", seconds)
          .put("upload_mib_per_s", size / (1024.0 * 1024.0) / seconds)
          .put("server_alive_after", registry.isAlive());
    } finally {
      registry.destroy();
      registry.waitFor(30, TimeUnit.SECONDS);
      Files.deleteIfExists(file);
    }
  }

  private static void awaitReady(CairnClient admin, Process registry) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline && registry.isAlive()) {
      try {
        if (admin.ready()) {
          return;
        }
      } catch (RuntimeException notYet) {
        // still starting
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("registry did not become ready");
  }
}
