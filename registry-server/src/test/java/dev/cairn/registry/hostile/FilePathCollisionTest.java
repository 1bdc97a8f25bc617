package dev.cairn.registry.hostile;

import static dev.cairn.registry.hostile.HostileJson.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.VersionQuery;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 24, finding 8: paths of one version that a case-insensitive or normalising file system
 * (macOS, Windows) stores as one file, and characters no common file system holds or that hide.
 * Before, every one was accepted and {@code version pull} on macOS or Windows silently wrote one
 * file over another.
 */
class FilePathCollisionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SHA = "a".repeat(64);

  private final TestRegistry registry = TestRegistry.shared();
  private final Http http = registry.http();
  private String project;

  @BeforeEach
  void model() {
    project = TestRegistry.uniqueProject("paths");
    var admin = registry.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("m"));
  }

  @Test
  void pathsThatFoldToOneFileAreRefused() {
    List<List<String>> pairs =
        List.of(
            List.of("a/b", "a/\uFF42"), // fullwidth b
            List.of("caf\u00e9.bin", "cafe\u0301.bin"), // NFC and NFD
            List.of("Model.bin", "model.bin"),
            List.of("K.bin", "\u212A.bin"), // Kelvin sign
            List.of("weights/A.bin", "Weights/a.bin"),
            List.of("a", "A/b")); // a file and a directory of another path
    for (List<String> pair : pairs) {
      String detail = assertProblem(declare(pair), 400, "INVALID_NAME:path").get("detail").asText();
      assertThat(detail).as(pair.toString()).contains("same file");
    }
    assertNoVersions();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CON",
        "docs/con.txt",
        "lpt1",
        "C:/x",
        "a:b",
        "a\u200Bb.bin", // zero-width space
        "\uFEFFmodel.bin", // byte order mark
        "a\u2060b", // word joiner
        "a\u00ADb", // soft hyphen
        "models\u2215weights.bin", // division slash
        "models\uFF0Fweights.bin", // fullwidth solidus
        "a<b",
        "a|b",
        "what?",
        "star*",
        "quote\"d",
        "trailing.",
        "trailing /x",
        "no\u00A0break"
      })
  void pathsNoCommonFileSystemHoldsOrThatHideAreRefused(String path) {
    assertProblem(declare(List.of(path)), 400, "INVALID_NAME:path");
    assertNoVersions();
  }

  @Test
  void portablePathsStayValid() {
    HttpResponse<String> created =
        declare(
            List.of(
                "model.onnx",
                "weights/part-00001.safetensors",
                "tokenizer/vocab.txt",
                "a b/c_d-e.f",
                "café/файл.bin",
                "signature.json",
                ".hidden/config",
                "v1.2/model.tar.gz"));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  private HttpResponse<String> declare(List<String> paths) {
    ObjectNode body = JSON.createObjectNode().put("format", "generic");
    ArrayNode files = body.putArray("files");
    for (String path : paths) {
      files.addObject().put("path", path).put("sha256", SHA).put("size_bytes", 1);
    }
    return http.post(
        "/api/v1/projects/" + project + "/models/m/versions",
        TestTokens.PUBLISHER,
        body.toString());
  }

  private void assertNoVersions() {
    assertThat(
            registry
                .client(TestTokens.ADMIN)
                .versions()
                .list(project, "m", VersionQuery.all())
                .items())
        .isEmpty();
  }
}
