package dev.cairn.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ModelPatch;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.registry.blob.FileBlobStore;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.sidecar.config.FleetSettings;
import dev.cairn.sidecar.fleet.ServedModel;
import dev.cairn.sidecar.testing.SidecarClient;
import dev.cairn.sidecar.testing.Sidecars;
import dev.cairn.sidecar.testing.SkuStandards;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 14, fleet serving: one sidecar follows a label selector matching 50 colour-signature
 * standards (one per SKU, each with its own second ink) and 2 ONNX models. Before, a sidecar served
 * one model and ignored {@code sku}: {@code sku=SKU999} was inspected against SKU001's standard and
 * answered OK.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetTest {

  private static final int STANDARDS = 50;
  private static final int MAX_LOADED = 10;
  private static final Map<String, String> SELECTOR = Map.of("task", "ink-inspection");

  private final TestRegistry registry = TestRegistry.shared();
  private CairnClient publisher;
  private CairnClient approver;
  private String project;
  private Path images;
  private SkuStandards skus;

  @BeforeAll
  void aFleetOfModels() throws Exception {
    images = Files.createTempDirectory("fleet-images");
    publisher = registry.client(TestTokens.PUBLISHER);
    approver = registry.client(TestTokens.APPROVER);
    project = TestRegistry.uniqueProject("fleet");
    skus = new SkuStandards(publisher, approver, project, images);
    registry
        .client(TestTokens.ADMIN)
        .projects()
        .create(new ProjectCreate(project, null, new Policies(false, 0, true)));
    for (int i = 0; i < STANDARDS; i++) {
      skus.standard(i, "v1");
    }
    for (int i = 0; i < 2; i++) {
      String name = "scorer-" + i;
      publisher
          .models()
          .create(project, ModelCreate.named(name).withLabels(Map.of("task", "ink-inspection")));
      Sidecars.onnxVersion(publisher, project, name, "v1", 10 + i);
      approver
          .aliases()
          .put(project, name, "production", AliasUpdate.version("v1", "start"), null, null);
    }
    // Not selected: another task.
    publisher.models().create(project, ModelCreate.named("other").withLabels(Map.of("task", "x")));
  }

  @Test
  void routesBySkuAndInkLoadsOnFirstRequestAndStaysWithinTheBound() throws Exception {
    try (Sidecar sidecar = start()) {
      SidecarClient client = new SidecarClient(sidecar.port());
      JsonNode index = client.get("/v2/repository/index").body();
      assertThat(index).hasSize(STANDARDS + 2);
      assertThat(index.get(0).path("state").asText()).isEqualTo("COLD");

      for (int i = 0; i < 20; i++) {
        JsonNode own = inspect(client, skus.print(i), SkuStandards.sku(i), null);
        assertThat(own.path("decision").asText()).as(SkuStandards.sku(i)).isEqualTo("OK");
        assertThat(loaded(sidecar)).isLessThanOrEqualTo(MAX_LOADED);
      }
      JsonNode judged = inspect(client, skus.print(3), SkuStandards.sku(3), null).path("model");
      assertThat(judged.path("name").asText()).isEqualTo(SkuStandards.model(3));
      assertThat(judged.path("sku").asText()).isEqualTo(SkuStandards.sku(3));
      assertThat(judged.path("ink").asText()).isEqualTo("A");
      assertThat(judged.path("version").asText()).isEqualTo("v1");
      JsonNode foreign = inspect(client, skus.print(0), SkuStandards.sku(1), null);
      assertThat(foreign.path("decision").asText()).isEqualTo("NG");
      JsonNode unknown = inspect(client, skus.print(0), "SKU999", null);
      assertThat(unknown.path("decision").asText()).isEqualTo("RETAKE");
      assertThat(unknown.path("reasons").get(0).asText()).isEqualTo("MODEL_NOT_FOUND");
      SidecarClient.Answer badMode =
          client.postJson(
              "/inspect",
              "{\"paths\":[\""
                  + skus.print(0)
                  + "\"],\"sku\":\""
                  + SkuStandards.sku(0)
                  + "\",\"mode\":\"NOPE\"}");
      assertThat(badMode.status()).isEqualTo(400);
      assertThat(badMode.body().path("code").asText()).isEqualTo("UNKNOWN_MODE");
      assertThat(badMode.body().path("detail").asText()).contains("HIGH");
      assertThat(badMode.body().path("request_id").asText()).isNotEmpty();
      assertThat(client.infer("scorer-1")).isEqualTo(11f);
      assertThat(loaded(sidecar)).isLessThanOrEqualTo(MAX_LOADED);
      // Each loaded model is reported on its own, so the registry counts it per model and alias.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  publisher.instances().list(project, "scorer-1", "production").stream()
                      .anyMatch(i -> i.id().endsWith(".scorer-1") && "READY".equals(i.state())));
    }
  }

  @Test
  void modelsThatAppearOrAreArchivedArePickedUpFromTheEventStream() throws Exception {
    try (Sidecar sidecar = start()) {
      SidecarClient client = new SidecarClient(sidecar.port());
      publisher
          .models()
          .create(project, ModelCreate.named("late").withLabels(Map.of("task", "ink-inspection")));
      await().atMost(Duration.ofSeconds(10)).until(() -> names(client).contains("late"));

      publisher.models().patch(project, "late", ModelPatch.state("ARCHIVED"));

      await().atMost(Duration.ofSeconds(10)).until(() -> !names(client).contains("late"));
      assertThat(names(client)).hasSize(STANDARDS + 2);
    }
  }

  private static List<String> names(SidecarClient client) {
    List<String> names = new ArrayList<>();
    client.get("/v2/repository/index").body().forEach(m -> names.add(m.path("name").asText()));
    return names;
  }

  @Test
  void aTamperedVersionOfOneModelIsRefusedWhileTheOthersSwap() throws Exception {
    try (Sidecar sidecar = start()) {
      SidecarClient client = new SidecarClient(sidecar.port());
      inspect(client, skus.print(40), SkuStandards.sku(40), null);
      inspect(client, skus.print(41), SkuStandards.sku(41), null);
      Version bad = skus.version(40, "v2-bad");
      Version good = skus.version(41, "v2");
      Files.writeString(
          FileBlobStore.open(registry.dataDir().resolve("blobs"))
              .path(bad.files().getFirst().sha256()),
          "tampered");

      skus.flip(40, bad.version());
      skus.flip(41, good.version());

      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                JsonNode models = client.get("/status").body().path("models");
                assertThat(models.path(SkuStandards.model(40)).path("last_error").asText())
                    .isEqualTo("CHECKSUM_MISMATCH:HIGH");
                assertThat(
                        models.path(SkuStandards.model(40)).path("versions").path("HIGH").asText())
                    .isEqualTo("v1");
                assertThat(
                        models.path(SkuStandards.model(41)).path("versions").path("HIGH").asText())
                    .isEqualTo("v2");
              });
      assertThat(
              inspect(client, skus.print(40), SkuStandards.sku(40), null).path("decision").asText())
          .isEqualTo("OK");
    }
  }

  private Sidecar start() {
    try {
      Path cache = Files.createTempDirectory("fleet-cache");
      return Sidecar.start(
          Sidecars.settings(registry.uri(), project, "unused", cache, List.of(images))
              .withFleet(
                  new FleetSettings(
                      List.of(),
                      SELECTOR,
                      false,
                      MAX_LOADED,
                      FleetSettings.DEFAULT_MAX_LOADED_BYTES)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long loaded(Sidecar sidecar) {
    return sidecar.fleet().models().values().stream().filter(ServedModel::loaded).count();
  }

  private static JsonNode inspect(SidecarClient client, Path image, String sku, String mode) {
    SidecarClient.Answer answer =
        client.postJson(
            "/inspect",
            "{\"paths\":[\""
                + image
                + "\"],\"sku\":\""
                + sku
                + "\",\"ink\":\"A\""
                + (mode == null ? "" : ",\"mode\":\"" + mode + "\"")
                + "}");
    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
    return answer.body();
  }
}
