package dev.cairn.registry.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 4: seed 003 registers versions "from an artifacts dir" and expects immutable
 * storage; a reference could only be served from its source, and a directory could not be named.
 */
class ImportsTest {

  private static Path roots;
  private static TestRegistry registry;
  private CairnClient publisher;
  private String project;

  @BeforeAll
  static void start() throws IOException {
    roots = Files.createTempDirectory("cairn-import-roots");
    registry =
        TestRegistry.start(
            Map.of("CAIRN_FILE_ROOTS", roots.toString(), "CAIRN_SCRUB_BYTES_PER_SECOND", "0"));
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @BeforeEach
  void model() {
    publisher = registry.client(TestTokens.PUBLISHER);
    project = TestRegistry.uniqueProject("imports");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    publisher.models().create(project, ModelCreate.named("m"));
  }

  @Test
  void anImportedReferenceIsStoredAndOutlivesItsSource() throws Exception {
    byte[] bytes = "weights copied into the registry".getBytes(StandardCharsets.UTF_8);
    Path source = roots.resolve(project + ".bin");
    Files.write(source, bytes);
    Version declared =
        declare(
            new FileDeclaration(
                    "w.bin", Versions.sha256(bytes), (long) bytes.length, source.toUri().toString())
                .imported());

    Version ready = publisher.versions().complete(project, "m", declared.version());
    Files.delete(source);

    VersionFile file = ready.files().getFirst();
    assertThat(ready.state()).isEqualTo("READY");
    assertThat(file.source()).isEqualTo("upload");
    assertThat(file.uri()).isEqualTo(source.toUri().toString());
    assertThat(download(ready, "w.bin")).isEqualTo(bytes);
    assertThat(publisher.versions().verify(project, "m", ready.version()).status())
        .isEqualTo("VERIFIED");
  }

  @Test
  void anImportWhoseSourceDiffersLeavesTheVersionPending() throws Exception {
    Path source = roots.resolve(project + "-other.bin");
    Files.writeString(source, "other bytes");
    byte[] promised = "promised bytes".getBytes(StandardCharsets.UTF_8);
    Version declared =
        declare(
            new FileDeclaration(
                    "w.bin",
                    Versions.sha256(promised),
                    (long) promised.length,
                    source.toUri().toString())
                .imported());

    assertThatThrownBy(() -> publisher.versions().complete(project, "m", declared.version()))
        .isInstanceOfSatisfying(
            CairnApiException.class, e -> assertThat(e.code()).isEqualTo("CHECKSUM_MISMATCH"));
    assertThat(publisher.versions().get(project, "m", declared.version()).state())
        .isEqualTo("PENDING");
  }

  @Test
  void anImportNeedsAUri() {
    var res =
        registry
            .http()
            .post(
                "/api/v1/projects/" + project + "/models/m/versions",
                TestTokens.PUBLISHER,
                "{\"files\":[{\"path\":\"w.bin\",\"sha256\":\""
                    + "a".repeat(64)
                    + "\",\"size_bytes\":1,\"import\":true}]}");
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(res.body()).contains("import needs a uri");
  }

  @Test
  void anArtifactsDirBecomesAReadyVersionWithEveryFilePinned() throws Exception {
    Path dir = Files.createDirectories(roots.resolve(project + "-dir/sub"));
    Files.writeString(dir.getParent().resolve("model.bin"), "model weights");
    Files.writeString(dir.resolve("config.json"), "{\"layers\":3}");
    Path outside = Files.createTempFile("outside-roots", ".txt");
    Files.writeString(outside, "never imported");
    Files.createSymbolicLink(dir.resolve("escape.txt"), outside);

    Version ready =
        publisher
            .versions()
            .create(
                project,
                "m",
                VersionCreate.ofFormat("generic").fromArtifactsDir(dir.getParent().toString()));

    assertThat(ready.state()).isEqualTo("READY");
    assertThat(ready.files())
        .extracting(f -> f.path() + "=" + f.sha256())
        .containsExactlyInAnyOrder(
            "model.bin=" + Versions.sha256("model weights".getBytes(StandardCharsets.UTF_8)),
            "sub/config.json="
                + Versions.sha256("{\"layers\":3}".getBytes(StandardCharsets.UTF_8)));
    Files.delete(dir.resolve("config.json"));
    assertThat(new String(download(ready, "sub/config.json"), StandardCharsets.UTF_8))
        .isEqualTo("{\"layers\":3}");
  }

  @Test
  void anArtifactsDirOutsideTheRootsOrBesideFilesIsRefused() throws Exception {
    Path elsewhere = Files.createTempDirectory("not-a-root");
    String versions = "/api/v1/projects/" + project + "/models/m/versions";
    var outside =
        registry
            .http()
            .post(versions, TestTokens.PUBLISHER, "{\"artifacts_dir\":" + json(elsewhere) + "}");
    var both =
        registry
            .http()
            .post(
                versions,
                TestTokens.PUBLISHER,
                "{\"artifacts_dir\":"
                    + json(roots)
                    + ",\"files\":[{\"path\":\"a\",\"sha256\":\""
                    + "a".repeat(64)
                    + "\",\"size_bytes\":1}]}");

    assertThat(outside.statusCode()).isEqualTo(400);
    assertThat(outside.body()).contains("CAIRN_FILE_ROOTS");
    assertThat(both.statusCode()).isEqualTo(400);
  }

  private Version declare(FileDeclaration file) {
    return publisher
        .versions()
        .create(project, "m", VersionCreate.ofFormat("generic").withFiles(List.of(file)));
  }

  private byte[] download(Version v, String path) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    publisher.versions().download(project, "m", v.version(), path, out);
    return out.toByteArray();
  }

  private static String json(Path path) throws Exception {
    return new ObjectMapper().writeValueAsString(path.toString());
  }
}
