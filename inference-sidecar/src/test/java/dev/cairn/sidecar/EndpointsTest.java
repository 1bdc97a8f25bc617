package dev.cairn.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.runtime.testing.InkImages;
import dev.cairn.sidecar.testing.SidecarClient;
import dev.cairn.sidecar.testing.Sidecars;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OIP v2 metadata, readiness and tensor checks; multipart /inspect; /status and /metrics. */
class EndpointsTest {

  private final TestRegistry registry = TestRegistry.shared();
  @TempDir Path cache;

  @Test
  void servesOipMetadataReadinessAndRejectsBadTensors() throws Exception {
    String project = Sidecars.projectWithModel(registry, "oip", "scorer");
    CairnClient publisher = registry.client(TestTokens.PUBLISHER);
    Sidecars.onnxVersion(publisher, project, "scorer", "v1", 5);
    try (Sidecar sidecar = Sidecars.start(registry.uri(), project, "scorer", cache, List.of())) {
      SidecarClient client = new SidecarClient(sidecar.port());
      assertThat(client.get("/v2/health/live").status()).isEqualTo(200);
      assertThat(client.get("/v2/health/ready").status()).isEqualTo(503);
      assertThat(client.get("/v2/models/scorer/ready").status()).isEqualTo(404);

      registry
          .client(TestTokens.APPROVER)
          .aliases()
          .put(project, "scorer", "production", AliasUpdate.version("v1", "go"), null, null);
      await().atMost(Duration.ofSeconds(20)).until(sidecar::ready);

      assertThat(client.get("/v2/health/ready").status()).isEqualTo(200);
      var metadata = client.get("/v2/models/scorer").body();
      assertThat(metadata.path("versions").get(0).asText()).isEqualTo("v1");
      assertThat(metadata.path("inputs").get(0).path("name").asText()).isEqualTo("x");
      assertThat(metadata.path("inputs").get(0).path("shape").toString()).isEqualTo("[-1,3]");
      assertThat(client.infer("scorer")).isEqualTo(5f);
      assertThat(client.infer("default")).isEqualTo(5f);

      var wrongShape =
          client.postJson(
              "/v2/models/scorer/infer",
              "{\"inputs\":[{\"name\":\"x\",\"shape\":[1,2],\"datatype\":\"FP32\",\"data\":[1,0]}]}");
      assertThat(wrongShape.status()).isEqualTo(400);
      assertThat(wrongShape.body().path("detail").asText()).contains("shape [1, 2]");
      var wrongType =
          client.postJson(
              "/v2/models/scorer/infer",
              "{\"inputs\":[{\"name\":\"x\",\"shape\":[1,3],\"datatype\":\"INT64\",\"data\":[1,0,0]}]}");
      assertThat(wrongType.status()).isEqualTo(400);
      assertThat(client.postJson("/v2/models/other/infer", "{\"inputs\":[]}").status())
          .isEqualTo(404);

      var status = client.get("/status").body();
      assertThat(status.path("generation").asLong()).isEqualTo(1);
      assertThat(status.path("digests").path("default").asText()).startsWith("sha256:");
      String metrics = text(sidecar.port(), "/metrics");
      assertThat(metrics)
          .contains("cairn_sidecar_swaps_total 1", "cairn_sidecar_infer_latency_seconds_count")
          .containsPattern("cairn_sidecar_cache_bytes [1-9]");
    }
  }

  @Test
  void inspectsMultipartImagesAndAnswersRetakeWithoutAModel() throws Exception {
    String project = Sidecars.projectWithModel(registry, "multipart", "inks");
    try (Sidecar sidecar = Sidecars.start(registry.uri(), project, "inks", cache, List.of())) {
      String boundary = "cairn-test-boundary";
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.writeBytes(
          ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\ndefault\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"images\"; filename=\"a.png\"\r\n"
                  + "Content-Type: image/png\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(InkImages.sheet(40, 30).png());
      body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      var answer =
          new SidecarClient(sidecar.port())
              .post("/inspect", "multipart/form-data; boundary=" + boundary, body.toByteArray());
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body().path("decision").asText()).isEqualTo("RETAKE");
      assertThat(answer.body().path("reasons").get(0).asText()).isEqualTo("MODEL_NOT_FOUND");
      assertThat(answer.body().path("images").get(0).path("name").asText()).isEqualTo("a.png");
    }
  }

  private static String text(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
