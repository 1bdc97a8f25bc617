package dev.cairn.sidecar.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.runtime.testing.UniformPng;
import dev.cairn.sidecar.Sidecar;
import dev.cairn.sidecar.testing.Fifos;
import dev.cairn.sidecar.testing.SidecarClient;
import dev.cairn.sidecar.testing.Sidecars;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, finding 2 (the sidecar's half): JSON {@code paths} under {@code CAIRN_IMAGE_ROOTS}
 * naming a FIFO hung {@code /inspect} for good (the open blocks until a writer comes), and a few
 * such requests pinned the carrier threads so {@code /v2/health/live} stopped answering. Anything
 * that is not a regular file is now refused with {@code IMAGE_NOT_A_FILE}, and file access runs on
 * a bounded pool of platform threads with a deadline. Also finding 1 for {@code paths}: the number
 * of images is checked before any file is touched.
 */
class SidecarImageFilesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static Path images;
  private static Sidecar sidecar;

  @BeforeAll
  static void start() throws Exception {
    TestRegistry registry = TestRegistry.shared();
    Path work = Files.createDirectories(Path.of("target", "image-files-test"));
    images = Files.createTempDirectory(work, "images");
    String project = Sidecars.projectWithModel(registry, "image-files", "inks");
    sidecar =
        Sidecars.start(
            registry.uri(),
            project,
            "inks",
            Files.createTempDirectory(work, "cache"),
            List.of(images));
  }

  @AfterAll
  static void stop() {
    sidecar.close();
  }

  @Test
  void aFifoIsRefusedQuicklyAndHealthAnswersWhileTwoAreInFlight() throws Exception {
    Path fifo = Fifos.make(images.resolve("print.png"));
    List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      inFlight.add(inspectAsync(Map.of("paths", List.of(fifo.toString()))));
    }
    long started = System.nanoTime();
    HttpResponse<String> live =
        HTTP.send(
            HttpRequest.newBuilder(uri("/v2/health/live")).timeout(Duration.ofSeconds(1)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    for (CompletableFuture<HttpResponse<String>> call : inFlight) {
      HttpResponse<String> answer = call.join();
      assertThat(answer.statusCode()).as(answer::body).isEqualTo(400);
      assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo("IMAGE_NOT_A_FILE");
    }
  }

  @Test
  void aDirectoryIsNotAnImageFile() throws Exception {
    Path directory = Files.createDirectories(images.resolve("folder.png"));
    HttpResponse<String> answer =
        inspectAsync(Map.of("paths", List.of(directory.toString()))).join();
    assertThat(answer.statusCode()).as(answer::body).isEqualTo(400);
    assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo("IMAGE_NOT_A_FILE");
  }

  @Test
  void aLinkOutOfTheRootsIsRefused() throws Exception {
    Path outside = Files.createTempFile(Path.of("target"), "outside", ".png");
    Files.write(outside, UniformPng.rgb(8, 8, 10, 10, 10));
    Path link = Files.createSymbolicLink(images.resolve("link.png"), outside.toAbsolutePath());
    HttpResponse<String> answer = inspectAsync(Map.of("paths", List.of(link.toString()))).join();
    assertThat(answer.statusCode()).as(answer::body).isEqualTo(400);
    assertThat(JSON.readTree(answer.body()).path("code").asText())
        .isEqualTo("IMAGE_PATH_NOT_ALLOWED");
  }

  @Test
  void tooManyPathsAre413BeforeAnyFileIsRead() throws Exception {
    // 33 FIFOs: reading any of them would hang, so a quick 413 shows none was opened.
    List<String> paths = new ArrayList<>();
    Path fifo = Fifos.make(images.resolve("many.png"));
    for (int i = 0; i < 33; i++) {
      paths.add(fifo.toString());
    }
    HttpResponse<String> answer = inspectAsync(Map.of("paths", paths)).join();
    assertThat(answer.statusCode()).as(answer::body).isEqualTo(413);
    assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo("TOO_MANY_IMAGES");
    assertThat(JSON.readTree(answer.body()).path("detail").asText())
        .contains("CAIRN_MAX_IMAGES_PER_REQUEST");
    assertThat(new SidecarClient(sidecar.port()).get("/v2/health/live").status()).isEqualTo(200);
  }

  private static CompletableFuture<HttpResponse<String>> inspectAsync(Object body)
      throws Exception {
    return HTTP.sendAsync(
        HttpRequest.newBuilder(uri("/inspect"))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(5))
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + sidecar.port() + path);
  }
}
