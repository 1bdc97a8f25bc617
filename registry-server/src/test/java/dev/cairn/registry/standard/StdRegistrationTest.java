package dev.cairn.registry.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.StdRegistrationRequest;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.client.model.VersionFile;
import dev.cairn.client.model.VersionQuery;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.runtime.color.Lab;
import dev.cairn.runtime.testing.InkImages;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 000 over HTTP: STD images in, colour-signature versions out, model status as they land. */
class StdRegistrationTest {

  static final Lab BLUE = InkImages.BLUE;
  static final Lab RED = InkImages.RED;
  static final String MODEL = "sku001-ink-a";

  private final TestRegistry registry = TestRegistry.shared();
  private CairnClient publisher;
  private CairnClient approver;
  private String project;
  @TempDir Path dir;

  @BeforeEach
  void createSkuModel() {
    publisher = registry.client(TestTokens.PUBLISHER);
    approver = registry.client(TestTokens.APPROVER);
    project = TestRegistry.uniqueProject("ink");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    publisher
        .models()
        .create(
            project, ModelCreate.named(MODEL).withVariants(List.of("LOW", "MID", "HIGH"), "MID"));
  }

  @Test
  void threeModesMoveTheModelFromIncompleteToInactiveToActive() throws Exception {
    assertThat(publisher.models().status(project, MODEL, "production").status())
        .isEqualTo("INCOMPLETE");
    Version low = publisher.versions().registerStandard(project, MODEL, request("LOW", 1, 2, 3));
    assertThat(low.state()).isEqualTo("READY");
    assertThat(low.format()).isEqualTo("color-signature");
    assertThat(low.validation().phases()).containsEntry("STD_REGISTRATION", "STD_ACCEPTABLE");
    assertThat(low.validation().load()).isEqualTo("PASSED");
    assertThat(low.files())
        .extracting(VersionFile::path)
        .containsExactlyInAnyOrder(
            "signature.json", "std/img1.png", "std/img2.png", "std/img3.png");
    assertThat(low.metadata())
        .containsEntry("expected_ink_count", 2)
        .containsEntry("tolerance_de00", 6.0);
    assertThat(publisher.models().status(project, MODEL, "production").status())
        .isEqualTo("INCOMPLETE");

    Version mid = publisher.versions().registerStandard(project, MODEL, request("MID", 4, 5, 6));
    Version high = publisher.versions().registerStandard(project, MODEL, request("HIGH", 7, 8, 9));
    assertThat(publisher.models().status(project, MODEL, "production").status())
        .isEqualTo("INACTIVE");

    assertThatThrownBy(
            () ->
                approver
                    .aliases()
                    .put(
                        project,
                        MODEL,
                        "production",
                        AliasUpdate.pointers(Map.of("LOW", low.version()), "only one mode"),
                        null,
                        null))
        .isInstanceOfSatisfying(
            CairnApiException.class, e -> assertThat(e.code()).startsWith("MODEL_INCOMPLETE"));

    approver
        .aliases()
        .put(
            project,
            MODEL,
            "production",
            AliasUpdate.pointers(
                Map.of("LOW", low.version(), "MID", mid.version(), "HIGH", high.version()),
                "approved standard"),
            null,
            null);
    assertThat(publisher.models().status(project, MODEL, "production").status())
        .isEqualTo("ACTIVE");
    assertThat(publisher.versions().validate(project, MODEL, high.version()).phases())
        .containsEntry("STD_REGISTRATION", "STD_ACCEPTABLE");
  }

  @Test
  void aDryRunAnswersThePhaseAndKeepsNothing() throws Exception {
    JsonNode report = publisher.versions().checkStandard(project, MODEL, request("LOW", 1, 2, 3));
    assertThat(report.path("result").asText()).isEqualTo("STD_ACCEPTABLE");
    assertThat(report.path("images")).hasSize(3);
    assertThat(report.path("signature").path("inks")).hasSize(2);
    assertThat(publisher.versions().list(project, MODEL, VersionQuery.all()).items()).isEmpty();
  }

  @Test
  void tooFewImagesGiveAFailedVersionThatCannotServe() throws Exception {
    Version failed = publisher.versions().registerStandard(project, MODEL, request("HIGH", 1, 2));
    assertThat(failed.state()).isEqualTo("FAILED");
    assertThat(failed.failure().code()).isEqualTo("STD_TOO_FEW_IMAGES");
    assertThat(failed.validation().phases())
        .containsEntry("STD_REGISTRATION", "STD_TOO_FEW_IMAGES");
    assertThatThrownBy(
            () ->
                approver
                    .aliases()
                    .put(
                        project,
                        MODEL,
                        "staging",
                        AliasUpdate.pointers(Map.of("HIGH", failed.version()), "x"),
                        null,
                        null))
        .isInstanceOf(CairnApiException.class);
  }

  @Test
  void anUnreadableImageIsABadRequestAndNothingIsCreated() throws Exception {
    Path gif = dir.resolve("std.gif");
    Files.write(
        gif, InkImages.encode(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_INDEXED), "gif"));
    List<Path> images = new ArrayList<>(images(1, 2));
    images.add(gif);
    assertThatThrownBy(
            () ->
                publisher
                    .versions()
                    .registerStandard(project, MODEL, StdRegistrationRequest.of("LOW", images, 2)))
        .isInstanceOfSatisfying(
            CairnApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("UNSUPPORTED_IMAGE");
            });
    assertThat(publisher.versions().list(project, MODEL, VersionQuery.all()).items()).isEmpty();
  }

  @Test
  void anUnknownModeOrMissingInkCountIsRejected() throws Exception {
    assertThatThrownBy(
            () -> publisher.versions().registerStandard(project, MODEL, request("ULTRA", 1, 2, 3)))
        .isInstanceOfSatisfying(
            CairnApiException.class,
            // Issue 25, item 18: one code for an unknown variant, as resolve and publish answer.
            e -> assertThat(e.code()).isEqualTo("VARIANT_MISMATCH:ULTRA"));
    StdRegistrationRequest noCount =
        new StdRegistrationRequest("LOW", images(1, 2, 3), null, null, null);
    assertThatThrownBy(() -> publisher.versions().registerStandard(project, MODEL, noCount))
        .isInstanceOfSatisfying(
            CairnApiException.class, e -> assertThat(e.code()).isEqualTo("VALIDATION_FAILED"));
  }

  @Test
  void aStandardWhoseBytesItsImagesDoNotGiveIsAConfigMismatch() throws Exception {
    JsonNode report = publisher.versions().checkStandard(project, MODEL, request("LOW", 1, 2, 3));
    ObjectNode forged = (ObjectNode) report.path("signature").deepCopy();
    ((ObjectNode) forged.path("inks").get(0)).put("share", 0.9);
    Map<String, Path> files = new LinkedHashMap<>();
    files.put(
        "signature.json",
        Files.write(dir.resolve("signature.json"), new ObjectMapper().writeValueAsBytes(forged)));
    List<Path> images = images(1, 2, 3);
    for (int i = 0; i < 3; i++) {
      files.put("std/img" + (i + 1) + ".png", images.get(i));
    }
    assertThatThrownBy(
            () ->
                publisher
                    .versions()
                    .publish(
                        project,
                        MODEL,
                        new VersionCreate(
                            "forged",
                            "LOW",
                            "color-signature",
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null),
                        files))
        .isInstanceOfSatisfying(
            CairnApiException.class,
            e ->
                assertThat(e.member("validation").orElseThrow().path("load").asText())
                    .isEqualTo("CFG_MISMATCH:LOW"));
  }

  private StdRegistrationRequest request(String mode, int... seeds) throws Exception {
    return new StdRegistrationRequest(mode, images(seeds), 2, "registered in a test", "operator_A");
  }

  private List<Path> images(int... seeds) throws Exception {
    List<Path> files = new ArrayList<>();
    for (int seed : seeds) {
      Path file = dir.resolve("std-" + seed + ".png");
      Files.write(file, InkImages.twoInks(240, 180, seed).png());
      files.add(file);
    }
    return files;
  }
}
