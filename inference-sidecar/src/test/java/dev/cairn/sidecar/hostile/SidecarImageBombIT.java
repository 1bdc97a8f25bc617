package dev.cairn.sidecar.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.StdRegistrationRequest;
import dev.cairn.client.model.Version;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.runtime.testing.InkImages;
import dev.cairn.runtime.testing.UniformPng;
import dev.cairn.sidecar.testing.MultipartBody;
import dev.cairn.sidecar.testing.SidecarClient;
import dev.cairn.sidecar.testing.SidecarJar;
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
 * Issue 24, finding 1: one {@code /inspect} of ten 20-megapixel PNGs (a few hundred kilobytes on
 * the wire, 600 MB decoded) killed a sidecar with a 384 MB heap and {@code
 * -XX:+ExitOnOutOfMemoryError} within seconds, and without that flag the JDK's PNG reader turned
 * the {@code OutOfMemoryError} into 400 {@code UNSUPPORTED_IMAGE} for valid prints. Here the real
 * jar runs with exactly those options: a request over the per-request pixel limit is 413 naming the
 * limit, concurrent requests wait for the decoding budget or are told 503 {@code BUSY}, and the
 * process keeps serving.
 */
class SidecarImageBombIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] TWENTY_MEGAPIXELS = UniformPng.rgb(5000, 4000, 250, 250, 245);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static Path images;
  private static SidecarJar sidecar;

  @BeforeAll
  static void startSidecarWithASmallHeap() throws Exception {
    TestRegistry registry = TestRegistry.shared();
    Path work = Files.createDirectories(Path.of("target", "image-bomb-it"));
    images = Files.createTempDirectory(work, "images");
    String project = colourSignatureProject(registry, Files.createTempDirectory(work, "std"));
    sidecar =
        SidecarJar.start(
            List.of("-Xmx384m", "-XX:+ExitOnOutOfMemoryError"),
            Map.of(
                "CAIRN_REGISTRY_URL",
                registry.uri().toString(),
                "CAIRN_REGISTRY_TOKEN",
                TestTokens.SIDECAR,
                "CAIRN_PROJECT",
                project,
                "CAIRN_MODEL",
                "prints",
                "CAIRN_IMAGE_ROOTS",
                images.toString()),
            Files.createTempDirectory(work, "sidecar"));
    SidecarClient client = new SidecarClient(sidecar.port());
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(client.get("/v2/health/ready").status()).isEqualTo(200));
  }

  /** A project whose model {@code prints} has an active colour signature: images are analysed. */
  private static String colourSignatureProject(TestRegistry registry, Path std) throws Exception {
    String project = TestRegistry.uniqueProject("bomb");
    registry
        .client(TestTokens.ADMIN)
        .projects()
        .create(new ProjectCreate(project, null, new Policies(false, 0, true)));
    CairnClient publisher = registry.client(TestTokens.PUBLISHER);
    publisher
        .models()
        .create(project, ModelCreate.named("prints").withVariants(List.of("MID"), "MID"));
    List<Path> standards = new ArrayList<>();
    for (int seed = 1; seed <= 3; seed++) {
      standards.add(
          Files.write(std.resolve(seed + ".png"), InkImages.twoInks(240, 180, seed).png()));
    }
    Version version =
        publisher
            .versions()
            .registerStandard(project, "prints", StdRegistrationRequest.of("MID", standards, 2));
    registry
        .client(TestTokens.APPROVER)
        .aliases()
        .put(
            project,
            "prints",
            "production",
            AliasUpdate.pointers(Map.of("MID", version.version()), "bomb"),
            null,
            null);
    return project;
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (sidecar != null) {
      sidecar.close();
    }
  }

  @Test
  void tenTwentyMegapixelUploadsAre413AndTheSidecarKeepsServing() throws Exception {
    assertThat(TWENTY_MEGAPIXELS.length).as("cheap on the wire").isLessThan(1_000_000);
    MultipartBody body = new MultipartBody();
    for (int i = 0; i < 10; i++) {
      body.image("print" + i + ".png", TWENTY_MEGAPIXELS);
    }
    HttpResponse<String> answer = post(body.contentType(), body.bytes());
    assertThat(answer.statusCode()).as(answer::body).isEqualTo(413);
    assertThat(code(answer)).isEqualTo("TOO_MANY_PIXELS");
    assertThat(problem(answer).path("detail").asText()).contains("CAIRN_MAX_REQUEST_PIXELS");
    assertKeepsServing();
  }

  @Test
  void tenTwentyMegapixelFilesByPathAre413AndTheSidecarKeepsServing() throws Exception {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      paths.add(Files.write(images.resolve("print" + i + ".png"), TWENTY_MEGAPIXELS).toString());
    }
    HttpResponse<String> answer =
        post("application/json", JSON.writeValueAsBytes(Map.of("paths", paths)));
    assertThat(answer.statusCode()).as(answer::body).isEqualTo(413);
    assertThat(code(answer)).isEqualTo("TOO_MANY_PIXELS");
    assertKeepsServing();
  }

  @Test
  void eightConcurrentValidRequestsAreAnsweredOrToldBusyNeverUnreadable() throws Exception {
    // 8 requests × 2 images × 60 MB decoded is 960 MB: two and a half times the heap.
    byte[] twoPrints =
        new MultipartBody()
            .image("a.png", TWENTY_MEGAPIXELS)
            .image("b.png", TWENTY_MEGAPIXELS)
            .bytes();
    String type = new MultipartBody().contentType();
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(CompletableFuture.supplyAsync(() -> post(type, twoPrints)));
    }
    int answered = 0;
    for (CompletableFuture<HttpResponse<String>> call : calls) {
      HttpResponse<String> answer = call.join();
      if (answer.statusCode() == 200) {
        answered++;
        assertThat(problem(answer).path("images")).hasSize(2);
        assertThat(problem(answer).path("model").path("versions").has("MID")).isTrue();
      } else {
        assertThat(answer.statusCode()).as(answer::body).isEqualTo(503);
        assertThat(code(answer)).isEqualTo("BUSY");
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
      }
    }
    assertThat(answered).as("requests answered in full").isPositive();
    assertKeepsServing();
  }

  private static void assertKeepsServing() throws Exception {
    assertThat(sidecar.isAlive()).as(sidecar::log).isTrue();
    SidecarClient client = new SidecarClient(sidecar.port());
    assertThat(client.get("/v2/health/live").status()).isEqualTo(200);
    HttpResponse<String> small =
        post(
            new MultipartBody().contentType(),
            new MultipartBody().image("small.png", UniformPng.rgb(64, 48, 200, 30, 30)).bytes());
    assertThat(small.statusCode()).as(small::body).isEqualTo(200);
    assertThat(problem(small).path("images").get(0).path("name").asText()).isEqualTo("small.png");
  }

  private static HttpResponse<String> post(String contentType, byte[] body) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(sidecar.uri("/inspect"))
              .header("Content-Type", contentType)
              .timeout(Duration.ofSeconds(120))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError("the sidecar did not answer; its log:\n" + sidecar.log(), e);
    }
  }

  private static JsonNode problem(HttpResponse<String> answer) {
    try {
      return JSON.readTree(answer.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + answer.body(), e);
    }
  }

  private static String code(HttpResponse<String> answer) {
    return problem(answer).path("code").asText();
  }
}
