package dev.cairn.registry.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.client.model.VersionQuery;
import dev.cairn.common.testing.MultipartBodies;
import dev.cairn.registry.blob.FileBlobStore;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

/** The multipart one-shot publish: READY in one call, or nothing kept. */
class OneShotPublishTest {

  private final TestRegistry registry = TestRegistry.shared();
  private CairnClient publisher;
  private Http http;
  private String project;

  @BeforeEach
  void createModel() {
    publisher = registry.client(TestTokens.PUBLISHER);
    http = registry.http();
    project = TestRegistry.uniqueProject("oneshot");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    publisher.models().create(project, ModelCreate.named("fraud"));
  }

  @Test
  void multipartOneShotCreatesUploadsAndCompletesInOneCall() throws Exception {
    byte[] weights = bytes("one-shot weights " + project);
    byte[] body =
        MultipartBodies.body(
            MultipartBodies.part(
                "metadata",
                null,
                bytes(
                    "{\"version\":\"v7\",\"format\":\"generic\",\"files\":[{\"path\":\"model/w.bin\","
                        + "\"sha256\":\""
                        + sha256(weights)
                        + "\",\"size_bytes\":"
                        + weights.length
                        + "}]}")),
            MultipartBodies.part("model/w.bin", "w.bin", weights),
            MultipartBodies.part("README.txt", null, bytes("undeclared extra file")));

    HttpResponse<String> res = oneShot(body);

    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    assertThat(res.body()).contains("\"state\":\"READY\"", "\"version\":\"v7\"");
    Version v = publisher.versions().get(project, "fraud", "v7");
    assertThat(v.files()).extracting(f -> f.path()).containsExactly("README.txt", "model/w.bin");
    assertThat(storedBlobs()).contains(sha256(weights));
    assertThat(events("fraud"))
        .containsExactly("model.created", "version.created", "version.ready");
  }

  @Test
  void theClientPublishesFromFilesInOneCall() throws Exception {
    Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "publish");
    Path weights = dir.resolve("weights.bin");
    Files.write(weights, new byte[3 * 1024 * 1024 + 5]);

    Version ready =
        publisher
            .versions()
            .publish(
                project,
                "fraud",
                VersionCreate.ofFormat("generic").named("v5"),
                Map.of("nested/weights.bin", weights));

    assertThat(ready.state()).isEqualTo("READY");
    assertThat(ready.files())
        .singleElement()
        .satisfies(f -> assertThat(f.sizeBytes()).isEqualTo(3 * 1024 * 1024 + 5));
  }

  @Test
  void multipartWithAWrongDigestKeepsNothing() throws Exception {
    byte[] weights = bytes("one-shot weights that do not match " + project);
    List<String> blobsBefore = storedBlobs();
    byte[] body =
        MultipartBodies.body(
            MultipartBodies.part(
                "metadata",
                null,
                bytes(
                    "{\"version\":\"v8\",\"files\":[{\"path\":\"w.bin\",\"sha256\":\""
                        + "ab".repeat(32)
                        + "\",\"size_bytes\":"
                        + weights.length
                        + "}]}")),
            MultipartBodies.part("w.bin", null, weights));

    HttpResponse<String> res = oneShot(body);

    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(res.body()).contains("CHECKSUM_MISMATCH");
    assertThat(storedBlobs()).isEqualTo(blobsBefore);
    assertThat(events("fraud")).containsExactly("model.created");
    assertThat(auditActions()).doesNotContain("VERSION_CREATE");
    assertThatThrownBy(() -> publisher.versions().get(project, "fraud", "v8"))
        .isInstanceOfSatisfying(
            CairnApiException.class, e -> assertThat(e.code()).isEqualTo("VERSION_NOT_FOUND"));
  }

  @Test
  void multipartMissingADeclaredFileIs422AndKeepsNothing() throws Exception {
    byte[] body =
        MultipartBodies.body(
            MultipartBodies.part(
                "metadata",
                null,
                bytes(
                    "{\"files\":[{\"path\":\"a.bin\",\"sha256\":\""
                        + "ab".repeat(32)
                        + "\",\"size_bytes\":1}]}")));

    HttpResponse<String> res = oneShot(body);

    assertThat(res.statusCode()).isEqualTo(422);
    assertThat(publisher.versions().list(project, "fraud", VersionQuery.all()).items()).isEmpty();
  }

  private HttpResponse<String> oneShot(byte[] body) {
    return http.sendBytes(
        "POST",
        "/api/v1/projects/" + project + "/models/fraud/versions",
        TestTokens.PUBLISHER,
        body,
        Map.of("Content-Type", "multipart/form-data; boundary=cairn-7f3a"));
  }

  private List<String> storedBlobs() throws Exception {
    return FileBlobStore.open(registry.dataDir().resolve("blobs")).list();
  }

  private List<String> events(String model) throws Exception {
    return query(
        "SELECT type FROM events WHERE project = ? AND model = ? ORDER BY seq", project, model);
  }

  private List<String> auditActions() throws Exception {
    return query("SELECT action FROM audit_log WHERE project = ? ORDER BY seq", project);
  }

  private List<String> query(String sql, String... params) throws Exception {
    try (Connection c = registry.sql();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setString(i + 1, params[i]);
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
      return rows;
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String sha256(byte[] bytes) {
    return ArtifactFlowFixture.sha256(bytes);
  }
}
