package dev.cairn.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.sidecar.testing.SidecarClient;
import dev.cairn.sidecar.testing.Sidecars;
import dev.cairn.sidecar.testing.SkuStandards;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routes ask the runtime SPI for a capability, not for a runtime's class (issue 27 item 5): a
 * colour-signature standard is an {@code InspectableModel} and not a {@code TensorModel}, so the v2
 * routes answer it as they always did — 404 {@code MODEL_NOT_FOUND} naming the generation — while
 * {@code /inspect} judges with it.
 */
class CapabilityRoutesTest {

  private final TestRegistry registry = TestRegistry.shared();
  @TempDir Path cache;
  @TempDir Path images;

  @Test
  void aStandardIsNotServedOnTheTensorRoutesButInspects() throws Exception {
    String project = TestRegistry.uniqueProject("capability");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    SkuStandards skus =
        new SkuStandards(
            registry.client(TestTokens.PUBLISHER),
            registry.client(TestTokens.APPROVER),
            project,
            images);
    skus.standard(0, "v1");
    String model = SkuStandards.model(0);

    try (Sidecar sidecar = Sidecars.start(registry.uri(), project, model, cache, List.of(images))) {
      SidecarClient client = new SidecarClient(sidecar.port());
      await().atMost(Duration.ofSeconds(20)).until(sidecar::ready);

      String infer =
          "{\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1]}]}";
      List<SidecarClient.Answer> answers =
          List.of(
              client.postJson("/v2/models/" + model + "/infer", infer),
              client.postJson("/v2/models/" + model + "/HIGH/infer", infer),
              client.get("/v2/models/" + model),
              client.get("/v2/models/" + model + "/ready"));
      for (SidecarClient.Answer answer : answers) {
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("code").asText()).isEqualTo("MODEL_NOT_FOUND");
        assertThat(answer.body().path("detail").asText())
            .startsWith("no ONNX model '" + model)
            .endsWith("is loaded in generation 1");
      }

      SidecarClient.Answer inspected =
          client.postJson(
              "/inspect", "{\"paths\":[\"" + skus.print(0) + "\"],\"model\":\"" + model + "\"}");
      assertThat(inspected.status()).isEqualTo(200);
      assertThat(inspected.body().path("decision").asText()).isEqualTo("OK");
      assertThat(inspected.body().path("model").path("version").asText()).isEqualTo("v1");
    }
  }
}
