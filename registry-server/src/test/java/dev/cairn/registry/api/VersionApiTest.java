package dev.cairn.registry.api;

import static dev.cairn.registry.testing.Problems.expectCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.client.model.VersionPatch;
import dev.cairn.client.model.VersionQuery;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VersionApiTest {

  private static final String SHA = "ab".repeat(32);

  private final TestRegistry registry = TestRegistry.shared();
  private final CairnClient publisher = registry.client(TestTokens.PUBLISHER);
  private String project;

  @BeforeEach
  void createModel() {
    project = TestRegistry.uniqueProject("versions");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    publisher
        .models()
        .create(
            project, ModelCreate.named("ink").withVariants(List.of("LOW", "MID", "HIGH"), "MID"));
  }

  @Test
  void namesVersionsV1V2InOrderAndStartsThemPending() {
    Version first = publisher.versions().create(project, "ink", VersionCreate.ofFormat("onnx"));
    Version second = publisher.versions().create(project, "ink", VersionCreate.ofFormat("onnx"));

    assertThat(first.version()).isEqualTo("v1");
    assertThat(second.version()).isEqualTo("v2");
    assertThat(first.state()).isEqualTo("PENDING");
    assertThat(first.variant()).isEqualTo("MID");
    assertThat(first.validation().checksum()).isEqualTo("NOT_RUN");
  }

  @Test
  void assignsUniqueNamesUnderConcurrentCreation() throws Exception {
    List<Future<Version>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 24; i++) {
        futures.add(
            pool.submit(
                () -> publisher.versions().create(project, "ink", VersionCreate.ofFormat("onnx"))));
      }
    }
    List<String> names = new ArrayList<>();
    for (Future<Version> f : futures) {
      names.add(f.get().version());
    }

    assertThat(names).doesNotHaveDuplicates().hasSize(24);
    assertThat(names)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.rangeClosed(1, 24).mapToObj(i -> "v" + i).toList());
  }

  @Test
  void keepsExplicitNamesAndContinuesNumberingAfterThem() {
    publisher.versions().create(project, "ink", VersionCreate.ofFormat("onnx").named("v7"));
    publisher.versions().create(project, "ink", VersionCreate.ofFormat("onnx").named("2024-rc.1"));

    assertThat(
            publisher.versions().create(project, "ink", VersionCreate.ofFormat("onnx")).version())
        .isEqualTo("v8");
    expectCode(
        "VERSION_EXISTS",
        () ->
            publisher
                .versions()
                .create(project, "ink", VersionCreate.ofFormat("onnx").named("v7")));
  }

  @Test
  void storesDeclaredFilesAndRefusesBadDeclarations() {
    Version v =
        publisher
            .versions()
            .create(
                project,
                "ink",
                VersionCreate.ofFormat("onnx")
                    .forVariant("LOW")
                    .withFiles(
                        List.of(
                            new FileDeclaration("model/w.onnx", SHA, 12L, null),
                            new FileDeclaration(
                                "ref.bin", SHA, 3L, "https://example.org/ref.bin"))));

    assertThat(v.files())
        .extracting(f -> f.path() + "|" + f.source())
        .containsExactly("model/w.onnx|upload", "ref.bin|reference");
    expectCode(
        "INVALID_NAME:path",
        () ->
            publisher
                .versions()
                .create(project, "ink", withFile(new FileDeclaration("../x", SHA, 1L, null))));
    expectCode(
        "BAD_REQUEST",
        () ->
            publisher
                .versions()
                .create(project, "ink", withFile(new FileDeclaration("a", "xyz", 1L, null))));
    expectCode(
        "BAD_REQUEST",
        () ->
            publisher
                .versions()
                .create(
                    project, "ink", withFile(new FileDeclaration("a", SHA, 1L, "ftp://host/a"))));
    expectCode(
        "VARIANT_MISMATCH:ULTRA",
        () ->
            publisher
                .versions()
                .create(project, "ink", VersionCreate.ofFormat("onnx").forVariant("ULTRA")));
    assertThat(publisher.versions().list(project, "ink", VersionQuery.all()).items()).hasSize(1);
  }

  @Test
  void patchChangesNotesAndRefusesContentFields() {
    publisher.versions().create(project, "ink", VersionCreate.ofFormat("onnx"));

    Version patched =
        publisher.versions().patch(project, "ink", "v1", VersionPatch.notes("looks good"));
    assertThat(patched.notes()).isEqualTo("looks good");
    assertThat(publisher.versions().get(project, "ink", "v1").notes()).isEqualTo("looks good");

    for (String field : List.of("format", "files", "variant", "metadata", "digest", "runtime")) {
      HttpResponse<String> refused =
          registry
              .http()
              .patch(
                  "/api/v1/projects/" + project + "/models/ink/versions/v1",
                  TestTokens.PUBLISHER,
                  "{\"" + field + "\":null}");
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.body()).contains("\"code\":\"IMMUTABLE_FIELD:" + field + "\"");
    }
    expectCode(
        "INVALID_STATE_TRANSITION",
        () ->
            publisher
                .versions()
                .patch(project, "ink", "v1", new VersionPatch(null, null, null, "READY")));
  }

  @Test
  void listsByVariantAndLabel() {
    publisher
        .versions()
        .create(
            project,
            "ink",
            VersionCreate.ofFormat("onnx").forVariant("LOW").withLabels(Map.of("k", "a")));
    publisher
        .versions()
        .create(
            project,
            "ink",
            VersionCreate.ofFormat("onnx").forVariant("HIGH").withLabels(Map.of("k", "b")));

    assertThat(
            publisher
                .versions()
                .list(project, "ink", VersionQuery.all().withVariant("HIGH"))
                .items())
        .extracting(Version::version)
        .containsExactly("v2");
    assertThat(
            publisher
                .versions()
                .list(project, "ink", new VersionQuery(null, null, List.of("k:a"), null, null))
                .items())
        .extracting(Version::version)
        .containsExactly("v1");
    expectCode("VERSION_NOT_FOUND", () -> publisher.versions().get(project, "ink", "v9"));
  }

  private static VersionCreate withFile(FileDeclaration file) {
    return VersionCreate.ofFormat("onnx").withFiles(List.of(file));
  }
}
