package dev.cairn.registry.hostile;

import static dev.cairn.registry.hostile.HostileJson.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.VersionQuery;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, finding 9: spec 40-security promises 10,000 files per version, but the 1 MiB JSON limit
 * capped a declaration at about 9,100 short paths. A declaration may now take 1 KiB a file beyond
 * {@code CAIRN_MAX_JSON_BYTES}; every other JSON body keeps the limit.
 */
class DeclarationSizeTest {

  private static final String SHA = "a".repeat(64);

  private final TestRegistry registry = TestRegistry.shared();
  private final Http http = registry.http();
  private String project;
  private String versions;

  @BeforeEach
  void model() {
    project = TestRegistry.uniqueProject("declaration");
    var admin = registry.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("m"));
    versions = "/api/v1/projects/" + project + "/models/m/versions";
  }

  @Test
  void tenThousandFilesWithPathsOfTheLongestLengthAreDeclared() {
    String body = declaration(10_000, 512, "");
    assertThat(body.length()).isGreaterThan(6_000_000);

    HttpResponse<String> created = http.post(versions, TestTokens.PUBLISHER, body);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(registry.client(TestTokens.READER).versions().get(project, "m", "v1").files())
        .hasSize(10_000);
  }

  @Test
  void theTenThousandAndFirstFileIsRefused() {
    HttpResponse<String> refused =
        http.post(versions, TestTokens.PUBLISHER, declaration(10_001, 8, ""));

    assertThat(assertProblem(refused, 400, "TOO_MANY_FILES").get("detail").asText())
        .contains("10000");
    assertNoVersions();
  }

  @Test
  void aDeclarationOverItsLimitIs413() {
    // 10,000 files with 512-byte paths and 700-byte uris: past 1 MiB + 10,000 × 1 KiB.
    String uri = "https://models.example/" + "u".repeat(677);
    HttpResponse<String> refused =
        http.post(versions, TestTokens.PUBLISHER, declaration(10_000, 512, uri));

    assertProblem(refused, 413, "PAYLOAD_TOO_LARGE");
    assertNoVersions();
  }

  @Test
  void otherJsonBodiesKeepTheJsonLimit() {
    String models = "/api/v1/projects/" + project + "/models";
    String body = "{\"name\":\"big\",\"description\":\"" + "d".repeat(60_000) + "\",\"labels\":{";
    StringBuilder labels = new StringBuilder(body);
    for (int i = 0; i < 50_000; i++) {
      labels.append(i == 0 ? "" : ",").append("\"label-").append(i).append("\":\"value\"");
    }
    labels.append("}}");
    assertThat(labels.length()).isBetween(1_100_000, 2_000_000);

    assertProblem(
        http.post(models, TestTokens.PUBLISHER, labels.toString()), 413, "PAYLOAD_TOO_LARGE");
  }

  /**
   * A declaration of {@code files} files with paths of {@code pathBytes} bytes and {@code uri}s.
   */
  private static String declaration(int files, int pathBytes, String uri) {
    StringBuilder body = new StringBuilder("{\"format\":\"generic\",\"files\":[");
    for (int i = 0; i < files; i++) {
      String name = String.format("%05d", i);
      // Names between '/' stay within 255 bytes, as every file system needs.
      String head = pathBytes > 410 ? "p".repeat(200) + "/" + "q".repeat(200) + "/" : "d/";
      String path = head + "r".repeat(pathBytes - head.length() - name.length()) + name;
      body.append(i == 0 ? "" : ",")
          .append("{\"path\":\"")
          .append(path)
          .append("\",\"sha256\":\"")
          .append(SHA)
          .append("\",\"size_bytes\":1");
      if (!uri.isEmpty()) {
        body.append(",\"uri\":\"").append(uri).append(name).append("\"");
      }
      body.append("}");
    }
    return body.append("]}").toString();
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
