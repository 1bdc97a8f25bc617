package dev.cairn.registry.artifact;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every artifact-flow test stands on: a publisher, a project with model {@code fraud}, and
 * helpers that declare and upload files and read events, audit actions and file rows directly.
 */
abstract class ArtifactFlowFixture {

  protected abstract TestRegistry registry();

  CairnClient publisher;
  Http http;
  String project;

  @BeforeEach
  void createModel() {
    publisher = registry().client(TestTokens.PUBLISHER);
    http = registry().http();
    project = TestRegistry.uniqueProject("artifacts");
    registry().client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    publisher.models().create(project, ModelCreate.named("fraud"));
  }

  void declare(String version, Map<String, byte[]> files) {
    List<FileDeclaration> declarations = new ArrayList<>();
    files.forEach(
        (path, b) -> declarations.add(new FileDeclaration(path, sha256(b), (long) b.length, null)));
    publisher
        .versions()
        .create(
            project,
            "fraud",
            VersionCreate.ofFormat("generic").named(version).withFiles(declarations));
  }

  /** Uploads text bytes over raw HTTP (the tests' payloads are ASCII). */
  HttpResponse<String> upload(String version, String path, byte[] bytes) {
    return http.send(
        "PUT",
        fileUrl(version, path),
        TestTokens.PUBLISHER,
        new String(bytes, StandardCharsets.UTF_8));
  }

  String fileUrl(String version, String path) {
    return "/api/v1/projects/" + project + "/models/fraud/versions/" + version + "/files/" + path;
  }

  List<String> events(String model) throws Exception {
    return query(
        "SELECT type FROM events WHERE project = ? AND model = ? ORDER BY seq", project, model);
  }

  List<String> auditActions() throws Exception {
    return query("SELECT action FROM audit_log WHERE project = ? ORDER BY seq", project);
  }

  List<String> fileRows(String version) throws Exception {
    return query(
        "SELECT f.path || ' present=' || f.present FROM version_files f JOIN versions v ON v.id = f.version_id"
            + " JOIN models m ON m.id = v.model_id JOIN projects p ON p.id = m.project_id"
            + " WHERE p.name = ? AND v.version = ? ORDER BY f.path",
        project,
        version);
  }

  List<String> query(String sql, String... params) throws Exception {
    try (Connection c = registry().sql();
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

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
