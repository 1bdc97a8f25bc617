package dev.cairn.registry.hostile;

import static dev.cairn.registry.hostile.HostileJson.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, findings 2 and 11: what a file root holds besides regular files. Before, a FIFO
 * referenced by {@code file://} pinned a carrier thread per {@code complete} in native {@code open}
 * until {@code /health/live} stopped answering, and a hard link to a file outside the root was
 * imported and served.
 */
class FileRootsHostileTest {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Path base;
  private static Path root;
  private static TestRegistry registry;
  private String project;

  @BeforeAll
  static void start() throws IOException {
    base =
        Files.createDirectories(Path.of("target", "file-roots-" + UUID.randomUUID()))
            .toAbsolutePath();
    root = Files.createDirectories(base.resolve("root"));
    registry =
        TestRegistry.start(
            Map.of("CAIRN_FILE_ROOTS", root.toString(), "CAIRN_SCRUB_BYTES_PER_SECOND", "0"));
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @BeforeEach
  void model() {
    project = TestRegistry.uniqueProject("file-roots");
    var admin = registry.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("m"));
  }

  @Test
  void fifoReferencesAreRefusedWhileLivenessKeepsAnswering() throws Exception {
    // One complete per carrier thread of the virtual-thread scheduler: before, each sat in native
    // open() on its FIFO and liveness went unanswered.
    int completes = Math.max(2, Runtime.getRuntime().availableProcessors());
    List<Path> fifos = new ArrayList<>();
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < completes; i++) {
        Path fifo = mkfifo(root.resolve(project + "-" + i + ".fifo"));
        fifos.add(fifo);
        declare("v" + i, fifo.toUri().toString(), "x".getBytes(StandardCharsets.UTF_8));
      }
      for (int i = 0; i < completes; i++) {
        answers.add(post(versions() + "/v" + i + "/complete"));
      }

      long started = System.nanoTime();
      HttpResponse<String> live =
          CLIENT.send(
              HttpRequest.newBuilder(registry.uri().resolve("/health/live"))
                  .timeout(Duration.ofSeconds(1))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(live.statusCode()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));

      for (CompletableFuture<HttpResponse<String>> answer : answers) {
        assertProblem(answer.get(10, TimeUnit.SECONDS), 422, "FILE_ROOT_NOT_REGULAR");
      }
      assertThat(registry.client(TestTokens.READER).versions().get(project, "m", "v0").state())
          .isEqualTo("PENDING");
    } finally {
      release(fifos);
    }
  }

  @Test
  void aDirectoryReferenceIsNotARegularFile() throws Exception {
    Path dir = Files.createDirectories(root.resolve(project + "-dir"));
    declare("v1", dir.toUri().toString(), "x".getBytes(StandardCharsets.UTF_8));

    assertProblem(
        post(versions() + "/v1/complete").get(10, TimeUnit.SECONDS), 422, "FILE_ROOT_NOT_REGULAR");
  }

  @Test
  void aHardLinkToAFileOutsideTheRootIsRefused() throws Exception {
    byte[] secret = ("outside the root " + project).getBytes(StandardCharsets.UTF_8);
    Path outside = Files.write(base.resolve(project + "-secret.txt"), secret);
    Path link = Files.createLink(root.resolve(project + "-link.bin"), outside);
    declare("v1", link.toUri().toString(), secret);

    var refused = post(versions() + "/v1/complete").get(10, TimeUnit.SECONDS);

    assertThat(assertProblem(refused, 422, "FILE_ROOT_HARD_LINK").get("detail").asText())
        .contains("CAIRN_FILE_ROOTS_ALLOW_HARD_LINKS");
    assertThat(registry.client(TestTokens.READER).versions().get(project, "m", "v1").state())
        .isEqualTo("PENDING");
  }

  @Test
  void anArtifactsDirHoldingAHardLinkImportsNothing() throws Exception {
    Path dir = Files.createDirectories(root.resolve(project + "-models"));
    Files.writeString(dir.resolve("config.json"), "{}");
    Path outside = Files.writeString(base.resolve(project + "-key.pem"), "private key");
    Files.createLink(dir.resolve("weights.bin"), outside);

    var refused =
        post(versions(), "{\"format\":\"generic\",\"artifacts_dir\":\"" + dir.toUri() + "\"}")
            .get(10, TimeUnit.SECONDS);

    assertProblem(refused, 422, "FILE_ROOT_HARD_LINK");
    assertThat(registry.http().get(versions(), TestTokens.READER).body()).contains("\"items\":[]");
  }

  @Test
  void aSymbolicLinkOutOfTheRootIsRefused() throws Exception {
    byte[] secret = "behind a symbolic link".getBytes(StandardCharsets.UTF_8);
    Path outside = Files.write(base.resolve(project + "-target.txt"), secret);
    Path link = Files.createSymbolicLink(root.resolve(project + "-symlink.bin"), outside);
    declare("v1", link.toUri().toString(), secret);

    assertProblem(post(versions() + "/v1/complete").get(10, TimeUnit.SECONDS), 400, "BAD_REQUEST");
  }

  private String versions() {
    return "/api/v1/projects/" + project + "/models/m/versions";
  }

  private void declare(String version, String uri, byte[] bytes) {
    String body =
        "{\"version\":\""
            + version
            + "\",\"format\":\"generic\",\"files\":[{\"path\":\"w.bin\",\"sha256\":\""
            + Versions.sha256(bytes)
            + "\",\"size_bytes\":"
            + bytes.length
            + ",\"uri\":\""
            + uri
            + "\"}]}";
    assertThat(registry.http().post(versions(), TestTokens.PUBLISHER, body).statusCode())
        .isEqualTo(201);
  }

  private CompletableFuture<HttpResponse<String>> post(String path) {
    return post(path, "{}");
  }

  private CompletableFuture<HttpResponse<String>> post(String path, String body) {
    return CLIENT.sendAsync(
        HttpRequest.newBuilder(registry.uri().resolve(path))
            .header("Authorization", "Bearer " + TestTokens.PUBLISHER)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Path mkfifo(Path path) throws IOException, InterruptedException {
    Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).as("mkfifo " + path).isZero();
    return path;
  }

  /** Opens each FIFO for writing once, so a reader still blocked in open() gets an end of file. */
  private static void release(List<Path> fifos) throws Exception {
    List<Thread> writers = new ArrayList<>();
    for (Path fifo : fifos) {
      writers.add(
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    try (OutputStream out = Files.newOutputStream(fifo)) {
                      out.flush();
                    } catch (IOException e) {
                      // Nobody was reading: nothing to release.
                    }
                  }));
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    for (Thread writer : writers) {
      writer.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
    }
  }
}
