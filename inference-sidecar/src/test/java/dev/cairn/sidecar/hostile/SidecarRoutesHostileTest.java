package dev.cairn.sidecar.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.client.model.AliasUpdate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.runtime.testing.InkImages;
import dev.cairn.sidecar.Sidecar;
import dev.cairn.sidecar.testing.SidecarClient;
import dev.cairn.sidecar.testing.Sidecars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, findings 5, 12 and 13a, over real HTTP against a sidecar following a real registry.
 * Before: unknown routes answered 500 and logged a stack trace each; OIP shapes took {@code 1.5}
 * and {@code "a"}, nested data was not checked against the shape, non-finite outputs were written
 * as the strings {@code "Infinity"}/{@code "NaN"}; an unknown {@code mode} was echoed whole.
 */
class SidecarRoutesHostileTest {

  private static final String X = "/v2/models/scorer/infer";

  private final TestRegistry registry = TestRegistry.shared();
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord entry) {
          logged.add(entry);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Path dir;

  @BeforeEach
  void setUp() throws Exception {
    Path base = Files.createDirectories(Path.of("target", "hostile-sidecar"));
    dir = Files.createTempDirectory(base, "routes");
    Logger.getLogger("").addHandler(capture);
  }

  @AfterEach
  void tearDown() {
    Logger.getLogger("").removeHandler(capture);
  }

  @Test
  void unknownRoutesAnswer404ProblemJsonWithoutAStackTraceInTheLog() {
    String project = Sidecars.projectWithModel(registry, "routes", "scorer");
    try (Sidecar sidecar = start(project)) {
      SidecarClient client = new SidecarClient(sidecar.port());
      logged.clear();
      for (String path : List.of("/nope", "/inspect/x", "/v2/models/a/b/c/d", "/v2")) {
        var answer = client.get(path);
        assertThat(answer.status()).as(path).isEqualTo(404);
        assertThat(answer.contentType()).as(path).isEqualTo("application/problem+json");
        assertThat(answer.body().path("code").asText()).as(path).isEqualTo("NOT_FOUND");
        assertThat(answer.body().path("request_id").asText()).as(path).isNotEmpty();
      }
      var posted = client.postJson("/inspect/x", "{}");
      assertThat(posted.status()).isEqualTo(404);
      assertThat(posted.body().path("code").asText()).isEqualTo("NOT_FOUND");

      assertThat(logged).noneMatch(entry -> entry.getThrown() != null);
      assertThat(logged).noneMatch(entry -> entry.getLevel().intValue() >= 1000);
    }
  }

  @Test
  void oipTensorsFollowTheProtocolsTypesStrictly() {
    String project = Sidecars.scorerProject(registry, "oip-strict", 1);
    try (Sidecar sidecar = start(project)) {
      await().atMost(Duration.ofSeconds(20)).until(sidecar::ready);
      SidecarClient client = new SidecarClient(sidecar.port());
      assertThat(client.infer("scorer")).isEqualTo(1f);
      assertThat(infer(client, "[[1,0,0]]", "[1,3]", "FP32").status()).isEqualTo(200);

      assertRefused(infer(client, "[1,0,0]", "[1.5,3]", "FP32"), "shape");
      assertRefused(infer(client, "[1,0,0]", "[\"a\",3]", "FP32"), "shape");
      assertRefused(infer(client, "[1,0,0]", "[1,true]", "FP32"), "shape");
      assertRefused(infer(client, "[1,0,0]", "3", "FP32"), "shape");
      // Three values, as many as [1,3] holds, but nested as [3][1].
      assertRefused(infer(client, "[[1],[0],[0]]", "[1,3]", "FP32"), "nest");
      assertRefused(infer(client, "[1,[0,0]]", "[1,3]", "FP32"), "nest");
      assertRefused(infer(client, "[[1,0,0,0]]", "[1,3]", "FP32"), "nest");
      assertRefused(infer(client, "[\"1\",0,0]", "[1,3]", "FP32"), "FP32");
      assertRefused(infer(client, "[\"Infinity\",0,0]", "[1,3]", "FP32"), "FP32");
      assertRefused(infer(client, "[true,0,0]", "[1,3]", "FP32"), "FP32");
      assertRefused(infer(client, "[1e39,0,0]", "[1,3]", "FP32"), "FP32");
      assertRefused(infer(client, "1", "[1,3]", "FP32"), "data");
      assertRefused(infer(client, "[1,0,0]", "[1,3]", "BOOL"), "BOOL");
      assertRefused(infer(client, "[1,0,0]", "[1,3]", "FP8x"), "FP8x");
    }
  }

  @Test
  void nonFiniteOutputsAreRefusedNeverWrittenAsStrings() {
    String project = Sidecars.projectWithModel(registry, "oip-inf", "scorer");
    Sidecars.onnxVersion(
        registry.client(TestTokens.PUBLISHER), project, "scorer", "v1", Float.POSITIVE_INFINITY);
    registry
        .client(TestTokens.APPROVER)
        .aliases()
        .put(project, "scorer", "production", AliasUpdate.version("v1", "go"), null, null);
    try (Sidecar sidecar = start(project)) {
      await().atMost(Duration.ofSeconds(20)).until(sidecar::ready);
      var answer = infer(new SidecarClient(sidecar.port()), "[1,0,0]", "[1,3]", "FP32");
      assertThat(answer.status()).isEqualTo(422);
      assertThat(answer.contentType()).isEqualTo("application/problem+json");
      assertThat(answer.body().path("code").asText()).isEqualTo("NON_FINITE_OUTPUT");
      assertThat(answer.body().has("outputs")).isFalse();
    }
  }

  @Test
  void echoedModeIsBoundedAndOverlongFieldsAreRefused() throws Exception {
    String project = Sidecars.scorerProject(registry, "mode-echo", 1);
    Path image = dir.resolve("print.png");
    Files.write(image, InkImages.sheet(40, 30).png());
    try (Sidecar sidecar =
        Sidecars.start(
            registry.uri(),
            project,
            "scorer",
            dir.resolve("cache"),
            List.of(dir.toAbsolutePath()))) {
      await().atMost(Duration.ofSeconds(20)).until(sidecar::ready);
      SidecarClient client = new SidecarClient(sidecar.port());

      String unknown = "M".repeat(100);
      var answer = client.postJson("/inspect", inspect(image, unknown));
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.body().path("code").asText()).isEqualTo("UNKNOWN_MODE");
      String detail = answer.body().path("detail").asText();
      assertThat(detail).contains("M".repeat(64) + "…").doesNotContain("M".repeat(65));

      String huge = "M".repeat(1_000_000);
      var refused = client.postJson("/inspect", inspect(image, huge));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body().path("code").asText()).isEqualTo("FIELD_TOO_LONG");
      assertThat(refused.body().toString()).hasSizeLessThan(1_000);

      for (String path : List.of("/v2/models/" + "n".repeat(1_000), "/nope/" + "n".repeat(1_000))) {
        var missing = client.get(path);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("detail").asText())
            .contains("n".repeat(20) + "…")
            .doesNotContain("n".repeat(65));
      }
    }
  }

  private Sidecar start(String project) {
    return Sidecars.start(registry.uri(), project, "scorer", dir.resolve("cache"), List.of());
  }

  private static String inspect(Path image, String mode) {
    return "{\"paths\":[\"" + image.toAbsolutePath() + "\"],\"mode\":\"" + mode + "\"}";
  }

  private static SidecarClient.Answer infer(
      SidecarClient client, String data, String shape, String datatype) {
    return client.postJson(
        X,
        "{\"inputs\":[{\"name\":\"x\",\"shape\":"
            + shape
            + ",\"datatype\":\""
            + datatype
            + "\",\"data\":"
            + data
            + "}]}");
  }

  private static void assertRefused(SidecarClient.Answer answer, String mentioned) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.body().path("code").asText()).isEqualTo("BAD_TENSOR");
    assertThat(answer.body().path("detail").asText()).as(answer.toString()).contains(mentioned);
  }
}
