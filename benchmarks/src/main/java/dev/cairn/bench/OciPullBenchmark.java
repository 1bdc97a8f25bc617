package dev.cairn.bench;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 29's "Must show": a 1 GiB file served as an OCI blob ({@code GET
 * /v2/<name>/blobs/<digest>}) against the same file from the download route ({@code GET
 * …/versions/{v}/files/model.bin}), in five alternating rounds in one registry; each round reads
 * the whole body with the JDK client in the registry's JVM (both routes pay that alike) and checks
 * its length. Target: the median round ratio ≥ 0.8. Size: {@code -Dcairn.bench.bytes}, default 1
 * GiB; rounds: {@code -Dcairn.bench.rounds}, default 5.
 */
final class OciPullBenchmark implements Benchmark {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Override
  public Results run() throws Exception {
    long size = Long.getLong("cairn.bench.bytes", 1L << 30);
    int rounds = Integer.getInteger("cairn.bench.rounds", 5);
    Path file = Publishing.largeFile(size);
    try (LocalRegistry registry = LocalRegistry.start(Map.of())) {
      CairnClient admin = registry.admin();
      admin.projects().create(ProjectCreate.named("bench"));
      admin.models().create("bench", ModelCreate.named("big"));
      String sha = Publishing.sha256(file);
      Version v =
          admin
              .versions()
              .create(
                  "bench",
                  "big",
                  VersionCreate.ofFormat("generic")
                      .withFiles(List.of(new FileDeclaration("model.bin", sha, size, null))));
      upload(registry.uri().resolve(filePath(v)), file, sha);
      admin.versions().complete("bench", "big", v.version());
      URI blob = registry.uri().resolve("/v2/bench/big/blobs/sha256:" + sha);
      URI download =
          registry
              .uri()
              .resolve(
                  "/api/v1/projects/bench/models/big/versions/" + v.version() + "/files/model.bin");
      double mib = size / (1024.0 * 1024.0);
      // One warm-up read of each: the page cache holds the blob for every round alike.
      read(blob, size);
      read(download, size);
      Results results = new Results().put("bytes", size).put("rounds", rounds);
      List<Double> ratios = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        // Which route goes first alternates too: neither always meets the colder machine.
        double ociSeconds;
        double downloadSeconds;
        if (round % 2 == 1) {
          ociSeconds = read(blob, size);
          downloadSeconds = read(download, size);
        } else {
          downloadSeconds = read(download, size);
          ociSeconds = read(blob, size);
        }
        results
            .put("round_" + round + "_oci_blob_mib_per_s", mib / ociSeconds)
            .put("round_" + round + "_download_mib_per_s", mib / downloadSeconds)
            .put("round_" + round + "_ratio", downloadSeconds / ociSeconds);
        ratios.add(downloadSeconds / ociSeconds);
      }
      List<Double> sorted = ratios.stream().sorted().toList();
      return results
          .put("oci_blob_to_download_ratio_median", sorted.get(sorted.size() / 2))
          .put("ratio_target", 0.8);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static String filePath(Version v) {
    return "/api/v1/projects/bench/models/big/versions/" + v.version() + "/files/model.bin";
  }

  /**
   * The upload without the client's request deadline: on a busy shared machine 1 GiB can take
   * longer than it.
   */
  private static void upload(URI uri, Path file, String sha) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + LocalRegistry.ADMIN)
            .header("X-Checksum-Sha256", sha)
            .PUT(HttpRequest.BodyPublishers.ofFile(file))
            .build();
    HttpResponse<String> res = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() / 100 != 2) {
      throw new IllegalStateException("upload answered " + res.statusCode() + ": " + res.body());
    }
  }

  /** Seconds to read the whole answer of {@code uri}, which must be {@code size} bytes. */
  private static double read(URI uri, long size) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + LocalRegistry.ADMIN)
            .build();
    long start = System.nanoTime();
    HttpResponse<InputStream> res = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    long total = 0;
    byte[] buffer = new byte[1 << 20];
    try (InputStream in = res.body()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (res.statusCode() != 200 || total != size) {
      throw new IllegalStateException(
          uri.getPath() + " answered " + res.statusCode() + ", " + total + " bytes");
    }
    return seconds;
  }
}
