package dev.cairn.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.StdRegistrationRequest;
import dev.cairn.client.model.Version;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.runtime.color.Lab;
import dev.cairn.runtime.testing.InkImages;
import dev.cairn.sidecar.testing.SidecarClient;
import dev.cairn.sidecar.testing.Sidecars;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Must show 1 end to end over HTTP: STD images for LOW, MID and HIGH registered, the model goes
 * INCOMPLETE → INACTIVE → ACTIVE, and the sidecar inspects samples against all three modes.
 */
class InspectFlowTest {

  static final Lab BLUE = InkImages.BLUE;
  static final Lab RED = InkImages.RED;

  /** The red ink moved by about 4 ΔE00: inside LOW's 6.0, outside HIGH's 2.0. */
  static final Lab SHIFTED_RED = new Lab(52.2, 62, 38);

  private final TestRegistry registry = TestRegistry.shared();
  @TempDir Path cache;
  @TempDir Path images;

  @Test
  void registersThreeModesActivatesThemAndInspectsSamples() throws Exception {
    String project = TestRegistry.uniqueProject("seed000");
    String model = "sku001-ink-a";
    CairnClient publisher = registry.client(TestTokens.PUBLISHER);
    CairnClient approver = registry.client(TestTokens.APPROVER);
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    publisher
        .models()
        .create(
            project, ModelCreate.named(model).withVariants(List.of("LOW", "MID", "HIGH"), "MID"));

    try (Sidecar sidecar = Sidecars.start(registry.uri(), project, model, cache, List.of(images))) {
      SidecarClient client = new SidecarClient(sidecar.port());
      Path good = write("good.png", InkImages.twoInks(240, 180, 42).png());
      JsonNode before = inspect(client, good, "HIGH");
      assertThat(before.path("decision").asText()).isEqualTo("RETAKE");
      assertThat(before.path("reasons").get(0).asText()).isEqualTo("MODEL_NOT_FOUND");

      assertThat(publisher.models().status(project, model, "production").status())
          .isEqualTo("INCOMPLETE");
      Map<String, String> versions = new LinkedHashMap<>();
      int seed = 1;
      for (String mode : List.of("LOW", "MID", "HIGH")) {
        List<Path> std = new ArrayList<>();
        for (int i = 0; i < 3; i++, seed++) {
          std.add(write(mode + i + ".png", InkImages.twoInks(240, 180, seed).png()));
        }
        Version version =
            publisher
                .versions()
                .registerStandard(project, model, StdRegistrationRequest.of(mode, std, 2));
        assertThat(version.state()).isEqualTo("READY");
        versions.put(mode, version.version());
        assertThat(publisher.models().status(project, model, "production").status())
            .isEqualTo(mode.equals("HIGH") ? "INACTIVE" : "INCOMPLETE");
      }
      approver
          .aliases()
          .put(
              project, model, "production", AliasUpdate.pointers(versions, "approved"), null, null);
      assertThat(publisher.models().status(project, model, "production").status())
          .isEqualTo("ACTIVE");
      await().atMost(Duration.ofSeconds(20)).until(sidecar::ready);

      JsonNode ok = inspect(client, good, "HIGH");
      assertThat(ok.path("decision").asText()).isEqualTo("OK");
      assertThat(ok.path("model").path("versions").size()).isEqualTo(3);
      // Who judged: the model, the variant of the verdict and its version (issue 25 item 10).
      assertThat(ok.path("model").path("name").asText()).isEqualTo(model);
      assertThat(ok.path("model").path("variant").asText()).isEqualTo("HIGH");
      assertThat(ok.path("model").path("version").asText()).isEqualTo(versions.get("HIGH"));
      assertThat(ok.path("model").path("digest").asText()).startsWith("sha256:");

      Path shifted =
          write(
              "shifted.png",
              InkImages.sheet(240, 180).ink(BLUE, 0.4).ink(SHIFTED_RED, 0.6).seed(43).png());
      JsonNode high = inspect(client, shifted, "HIGH");
      assertThat(high.path("decision").asText()).isEqualTo("NG");
      assertThat(high.path("reasons").get(0).asText()).isEqualTo("INK_COLOR_DEVIATION:1");
      assertThat(high.path("results").path("LOW").path("decision").asText()).isEqualTo("OK");
      assertThat(high.path("results").path("HIGH").path("decision").asText()).isEqualTo("NG");
      assertThat(inspect(client, shifted, "LOW").path("decision").asText()).isEqualTo("OK");

      Path bright =
          write(
              "bright.png",
              InkImages.sheet(240, 180)
                  .ink(BLUE, 0.4)
                  .ink(RED, 0.6)
                  .paper(new Lab(100, 0, 0))
                  .noise(2)
                  .seed(44)
                  .png());
      JsonNode retake = inspect(client, bright, null);
      assertThat(retake.path("decision").asText()).isEqualTo("RETAKE");
      assertThat(retake.path("mode").asText()).isEqualTo("MID");
      assertThat(retake.path("reasons").get(0).asText()).isEqualTo("OVEREXPOSED");

      JsonNode both =
          postPaths(client, "{\"paths\":[\"" + good + "\",\"" + shifted + "\"],\"mode\":\"HIGH\"}")
              .body();
      assertThat(both.path("decision").asText()).isEqualTo("NG");
      assertThat(both.path("images")).hasSize(2);
    }
  }

  @Test
  void refusesPathsOutsideTheImageRootsAndUnreadableImages() throws Exception {
    String project = Sidecars.projectWithModel(registry, "inspect-bad", "m");
    try (Sidecar sidecar = Sidecars.start(registry.uri(), project, "m", cache, List.of(images))) {
      SidecarClient client = new SidecarClient(sidecar.port());
      Path outside = Files.createTempFile("outside", ".png");
      Files.write(outside, InkImages.sheet(20, 20).png());
      SidecarClient.Answer denied = postPaths(client, "{\"paths\":[\"" + outside + "\"]}");
      assertThat(denied.status()).isEqualTo(400);
      assertThat(denied.body().path("code").asText()).isEqualTo("IMAGE_PATH_NOT_ALLOWED");
      Path text = write("notes.png", "not an image".getBytes(StandardCharsets.UTF_8));
      SidecarClient.Answer unreadable = postPaths(client, "{\"paths\":[\"" + text + "\"]}");
      assertThat(unreadable.status()).isEqualTo(400);
      assertThat(unreadable.body().path("code").asText()).isEqualTo("UNSUPPORTED_IMAGE");
      assertThat(client.postJson("/inspect", "{not json").status()).isEqualTo(400);
    }
  }

  private static JsonNode inspect(SidecarClient client, Path image, String mode) {
    String body =
        "{\"paths\":[\"" + image + "\"]" + (mode == null ? "" : ",\"mode\":\"" + mode + "\"") + "}";
    SidecarClient.Answer answer = postPaths(client, body);
    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
    return answer.body();
  }

  private static SidecarClient.Answer postPaths(SidecarClient client, String json) {
    return client.postJson("/inspect", json);
  }

  private Path write(String name, byte[] bytes) throws Exception {
    return Files.write(images.resolve(name), bytes);
  }
}
