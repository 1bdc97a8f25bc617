package dev.cairn.registry.standard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ModelStatus;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.StdRegistrationRequest;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionQuery;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.runtime.testing.InkImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, item 17: failed STD registrations took version numbers (v5–v7 all FAILED), and model
 * status at INACTIVE still listed every mode as missing. A failed registration is kept as {@code
 * failed-<n>} (audited, listed with {@code ?state=FAILED}), so accepted standards stay {@code v1,
 * v2, …}; {@code missing} lists only modes without a READY version.
 */
class StdRegistrationNumberingTest {

  private static final String MODEL = "sku002-ink-b";

  private final TestRegistry registry = TestRegistry.shared();
  private CairnClient publisher;
  private String project;
  @TempDir Path dir;

  @BeforeEach
  void createSkuModel() {
    publisher = registry.client(TestTokens.PUBLISHER);
    project = TestRegistry.uniqueProject("numbering");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    publisher
        .models()
        .create(
            project, ModelCreate.named(MODEL).withVariants(List.of("LOW", "MID", "HIGH"), "MID"));
  }

  @Test
  void failedRegistrationsTakeNoVersionNumber() throws Exception {
    Version low = register("LOW", 1, 2, 3);
    List<Version> failed = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      failed.add(register("HIGH", 7, 8));
    }
    Version mid = register("MID", 4, 5, 6);
    Version high = register("HIGH", 7, 8, 9);

    assertThat(List.of(low.version(), mid.version(), high.version()))
        .containsExactly("v1", "v2", "v3");
    assertThat(failed)
        .extracting(Version::version)
        .containsExactly("failed-1", "failed-2", "failed-3");
    assertThat(failed).allSatisfy(v -> assertThat(v.state()).isEqualTo("FAILED"));
    assertThat(
            publisher
                .versions()
                .list(project, MODEL, VersionQuery.all().withState("FAILED"))
                .items())
        .extracting(Version::version)
        .containsExactly("failed-1", "failed-2", "failed-3");
    Version kept = publisher.versions().get(project, MODEL, "failed-2");
    assertThat(kept.failure().code()).isEqualTo("STD_TOO_FEW_IMAGES");
    assertThat(kept.variant()).isEqualTo("HIGH");
    assertThat(auditTargets("VERSION_CREATE"))
        .containsExactly(
            MODEL + ":v1",
            MODEL + ":failed-1",
            MODEL + ":failed-2",
            MODEL + ":failed-3",
            MODEL + ":v2",
            MODEL + ":v3");
  }

  @Test
  void missingListsOnlyModesWithoutAReadyVersion() throws Exception {
    assertStatus("INCOMPLETE", List.of("LOW", "MID", "HIGH"), List.of());
    Version low = register("LOW", 1, 2, 3);
    register("HIGH", 7, 8);
    assertStatus("INCOMPLETE", List.of("MID", "HIGH"), List.of("LOW"));
    Version mid = register("MID", 4, 5, 6);
    Version high = register("HIGH", 7, 8, 9);
    assertStatus("INACTIVE", List.of(), List.of("LOW", "MID", "HIGH"));

    registry
        .client(TestTokens.APPROVER)
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
    assertStatus("ACTIVE", List.of(), List.of());
  }

  private void assertStatus(String status, List<String> missing, List<String> inactive) {
    ModelStatus now = publisher.models().status(project, MODEL, "production");
    assertThat(now.status()).isEqualTo(status);
    assertThat(now.missing()).as("missing").containsExactlyElementsOf(missing);
    assertThat(now.inactive()).as("inactive").containsExactlyElementsOf(inactive);
  }

  private Version register(String mode, int... seeds) throws Exception {
    List<Path> images = new ArrayList<>();
    for (int seed : seeds) {
      Path file = dir.resolve("std-" + seed + ".png");
      Files.write(file, InkImages.twoInks(240, 180, seed).png());
      images.add(file);
    }
    return publisher
        .versions()
        .registerStandard(
            project,
            MODEL,
            new StdRegistrationRequest(mode, images, 2, "numbering test", "operator_B"));
  }

  private List<String> auditTargets(String action) throws Exception {
    try (Connection c = registry.sql();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT target FROM audit_log WHERE project = ? AND action = ? ORDER BY seq")) {
      s.setString(1, project);
      s.setString(2, action);
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
      return rows;
    }
  }
}
