package dev.cairn.registry.hostile;

import static dev.cairn.registry.hostile.HostileJson.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Finding 8 (text and parameters): NUL anywhere, control and bidirectional characters in names,
 * paths, labels and filters, nulls in lists and parameters a route does not take are each a 400
 * with nothing written. Before: NUL gave 500, {@code files:[null]} 500, C1 controls and
 * right-to-left overrides were stored in file paths, unknown parameters were ignored.
 */
class HostileTextTest {

  private final TestRegistry registry = TestRegistry.shared();
  private final Http http = registry.http();
  private String project;
  private String versions;

  @BeforeEach
  void createModel() {
    project = TestRegistry.uniqueProject("hostile-text");
    var admin = registry.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("m"));
    versions = "/api/v1/projects/" + project + "/models/m/versions";
  }

  @Test
  void nulInFreeTextIs400() {
    String models = "/api/v1/projects/" + project + "/models";
    assertProblem(
        http.post(models, TestTokens.ADMIN, "{\"name\":\"n\",\"description\":\"a\\u0000b\"}"),
        400,
        "BAD_REQUEST");
    assertProblem(
        http.post(versions, TestTokens.ADMIN, version("m.bin", ",\"notes\":\"x\\u0000\"")),
        400,
        "BAD_REQUEST");
    assertNoVersions();
  }

  @Test
  void nulAndControlsInQueryFiltersAre400() {
    String audit = "/api/v1/projects/" + project + "/audit";
    assertProblem(http.get(audit + "?actor=a%00b", TestTokens.ADMIN), 400, "BAD_REQUEST");
    assertProblem(http.get(versions + "?label=k:%C2%85", TestTokens.ADMIN), 400, "BAD_REQUEST");
  }

  @Test
  void controlAndBidiCharactersInFilePathsAre400() {
    assertProblem(
        http.post(versions, TestTokens.ADMIN, version("a\\u0085b.bin", "")),
        400,
        "INVALID_NAME:path");
    assertProblem(
        http.post(versions, TestTokens.ADMIN, version("evil\\u202Etxt.exe", "")),
        400,
        "INVALID_NAME:path");
    assertNoVersions();
  }

  @Test
  void controlCharactersInLabelsAre400() {
    assertProblem(
        http.post(versions, TestTokens.ADMIN, version("m.bin", ",\"labels\":{\"k\":\"a\\u0007\"}")),
        400,
        "BAD_REQUEST");
    assertNoVersions();
  }

  @Test
  void nullFileEntriesAre400() {
    assertProblem(
        http.post(versions, TestTokens.ADMIN, "{\"format\":\"generic\",\"files\":[null]}"),
        400,
        "BAD_REQUEST");
    assertNoVersions();
  }

  @Test
  void parametersARouteDoesNotTakeAre400() {
    var res = http.get(versions + "?limt=5", TestTokens.READER);
    assertThat(assertProblem(res, 400, "BAD_REQUEST").get("detail").asText()).contains("limt");
    assertProblem(http.get(versions + "?order_by=name", TestTokens.READER), 400, "BAD_REQUEST");
    String models = "/api/v1/projects/" + project + "/models";
    assertProblem(http.get(models + "?order_by=colour", TestTokens.READER), 400, "BAD_REQUEST");
    assertThat(http.get(models + "?order_by=name%20desc&limit=5", TestTokens.READER).statusCode())
        .isEqualTo(200);
    // Issue 13, finding 8: a value outside the listed ones was an empty 200.
    var production = http.get(versions + "?state=production", TestTokens.READER);
    assertThat(assertProblem(production, 400, "BAD_REQUEST").get("detail").asText())
        .contains("PENDING, READY, FAILED, ARCHIVED");
    assertProblem(
        http.get(versions + "?status_filter=READY", TestTokens.READER), 400, "BAD_REQUEST");
    assertProblem(http.get(models + "?active_flag=true", TestTokens.READER), 400, "BAD_REQUEST");
  }

  private static String version(String path, String extra) {
    return "{\"format\":\"generic\",\"files\":[{\"path\":\""
        + path
        + "\",\"sha256\":\""
        + "a".repeat(64)
        + "\",\"size_bytes\":1}]"
        + extra
        + "}";
  }

  private void assertNoVersions() {
    assertThat(http.get(versions, TestTokens.READER).body()).contains("\"items\":[]");
  }
}
