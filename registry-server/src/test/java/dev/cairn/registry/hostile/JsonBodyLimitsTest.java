package dev.cairn.registry.hostile;

import static dev.cairn.registry.hostile.HostileJson.assertProblem;
import static dev.cairn.registry.hostile.HostileJson.nested;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ModelQuery;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.VersionQuery;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Finding 4 and the memory rule of finding 1 (spec 40-security, Hardening): request JSON is
 * shallow, short and exactly typed; version documents are bounded; what is already stored, however
 * deep, is still served.
 */
class JsonBodyLimitsTest {

  private static final String SHA = "a".repeat(64);

  private final TestRegistry registry = TestRegistry.shared();
  private final Http http = registry.http();
  private String project;
  private String versions;

  @BeforeEach
  void createModel() {
    project = TestRegistry.uniqueProject("hostile-json");
    var admin = registry.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("m"));
    versions = "/api/v1/projects/" + project + "/models/m/versions";
  }

  @Test
  void nestingBeyond32LevelsIs400AndWritesNothing() {
    // Before: 999 levels were accepted, and the audit pages holding the entry answered 500.
    String body = version("\"metadata\":" + nested(40));
    assertThat(
            assertProblem(http.post(versions, TestTokens.ADMIN, body), 400, "BAD_REQUEST")
                .get("detail")
                .asText())
        .contains("nesting at most 32");
    assertNoVersions();
    assertThat(http.post(versions, TestTokens.ADMIN, version("\"metadata\":" + nested(20))))
        .satisfies(res -> assertThat(res.statusCode()).as(res.body()).isEqualTo(201));
  }

  @Test
  void stringsOver64KiBAre400() {
    String body = version("\"notes\":\"" + "n".repeat(70_000) + "\"");
    assertProblem(http.post(versions, TestTokens.ADMIN, body), 400, "BAD_REQUEST");
    assertNoVersions();
  }

  @Test
  void jsonTypesAreNotCoerced() {
    // Before: {"name": true} created model 'true', 1e308 model '1.0E308'.
    String models = "/api/v1/projects/" + project + "/models";
    assertProblem(http.post(models, TestTokens.ADMIN, "{\"name\":true}"), 400, "BAD_REQUEST");
    assertProblem(http.post(models, TestTokens.ADMIN, "{\"name\":1e308}"), 400, "BAD_REQUEST");
    assertProblem(http.post(models, TestTokens.ADMIN, "{\"name\":42}"), 400, "BAD_REQUEST");
    assertThat(registry.client(TestTokens.ADMIN).models().list(project, ModelQuery.all()).items())
        .extracting(m -> m.name())
        .containsExactly("m");
  }

  @Test
  void metadataAndProvenanceOver64KiBAre413() {
    String big =
        "{\"blob\":\"" + "x".repeat(40_000) + "\",\"more\":\"" + "y".repeat(30_000) + "\"}";
    assertProblem(
        http.post(versions, TestTokens.ADMIN, version("\"metadata\":" + big)),
        413,
        "PAYLOAD_TOO_LARGE");
    assertProblem(
        http.post(versions, TestTokens.ADMIN, version("\"provenance\":" + big)),
        413,
        "PAYLOAD_TOO_LARGE");
    assertNoVersions();
  }

  @Test
  void deepDocumentsStoredByAnOlderReleaseAreStillServed() throws Exception {
    // A registry upgraded over data an older release accepted (999 levels) keeps listing it.
    http.post(versions, TestTokens.ADMIN, version("\"version\":\"deep\""));
    try (Connection c = registry.sql();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE versions SET metadata = CAST(? AS jsonb) WHERE version = 'deep'"
                    + " AND model_id IN (SELECT m.id FROM models m JOIN projects p"
                    + " ON p.id = m.project_id WHERE p.name = ?)")) {
      s.setString(1, nested(999));
      s.setString(2, project);
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
    assertThat(http.get(versions, TestTokens.READER).statusCode()).isEqualTo(200);
    assertThat(http.get(versions + "/deep", TestTokens.READER).statusCode()).isEqualTo(200);
  }

  private static String version(String extra) {
    return "{\"format\":\"generic\",\"files\":[{\"path\":\"m.bin\",\"sha256\":\""
        + SHA
        + "\",\"size_bytes\":1}],"
        + extra
        + "}";
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
