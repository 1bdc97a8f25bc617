package dev.cairn.registry.hostile;

import static dev.cairn.registry.hostile.HostileJson.assertProblem;
import static dev.cairn.registry.hostile.HostileJson.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, finding 3: free text — project and model descriptions, the model's task, version notes,
 * descriptions, metadata and provenance strings, alias reasons, {@code approved_by} and {@code
 * managed_by}, instance reports — took ESC, C1 CSI (U+009B) and right-to-left overrides (U+202E)
 * and handed them to every terminal that listed them. Now each is 400 {@code INVALID_TEXT:<field>}
 * with nothing written, as names already were; tab and line breaks stay allowed where text is
 * multi-line (descriptions, notes, metadata and provenance values, an instance's last error).
 */
class FreeTextControlsTest {

  private static final String ESC = "\\u001b]0;pwned\\u0007";
  private static final String CSI = "\\u009b2J";
  private static final String RLO = "\\u202e";

  private final TestRegistry registry = TestRegistry.shared();
  private final Http http = registry.http();
  private String project;
  private String models;

  @BeforeEach
  void createModel() {
    project = TestRegistry.uniqueProject("free-text");
    var admin = registry.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("m"));
    models = "/api/v1/projects/" + project + "/models";
  }

  @Test
  void projectDescriptionsRefuseControls() {
    String other = TestRegistry.uniqueProject("free-text");
    assertProblem(
        http.post(
            "/api/v1/projects",
            TestTokens.ADMIN,
            "{\"name\":\"" + other + "\",\"description\":\"a" + ESC + "\"}"),
        400,
        "INVALID_TEXT:description");
    assertThat(http.get("/api/v1/projects/" + other, TestTokens.ADMIN).statusCode()).isEqualTo(404);
    assertProblem(
        http.patch(
            "/api/v1/projects/" + project, TestTokens.ADMIN, "{\"description\":\"" + CSI + "\"}"),
        400,
        "INVALID_TEXT:description");
  }

  @Test
  void modelDescriptionAndTaskRefuseControlsAndTaskIsOneLine() {
    assertProblem(
        http.post(models, TestTokens.ADMIN, "{\"name\":\"n\",\"description\":\"" + RLO + "\"}"),
        400,
        "INVALID_TEXT:description");
    assertProblem(
        http.post(models, TestTokens.ADMIN, "{\"name\":\"n\",\"task\":\"a\\nb\"}"),
        400,
        "INVALID_TEXT:task");
    assertProblem(
        http.patch(models + "/m", TestTokens.ADMIN, "{\"task\":\"" + ESC + "\"}"),
        400,
        "INVALID_TEXT:task");
    assertThat(http.get(models + "/n", TestTokens.ADMIN).statusCode()).isEqualTo(404);
    assertThat(parse(http.get(models + "/m", TestTokens.ADMIN).body()).get("task").isNull())
        .isTrue();

    var multiLine =
        http.post(
            models,
            TestTokens.ADMIN,
            "{\"name\":\"n\",\"description\":\"first\\r\\nsecond\\n\\tindented\"}");
    assertThat(multiLine.statusCode()).as(multiLine.body()).isEqualTo(201);
    assertThat(parse(multiLine.body()).get("description").asText())
        .isEqualTo("first\r\nsecond\n\tindented");
  }

  @Test
  void versionNotesAndMetadataStringsRefuseControlsAtAnyDepth() {
    String versions = models + "/m/versions";
    assertProblem(
        http.post(versions, TestTokens.ADMIN, version(",\"notes\":\"x" + ESC + "\"")),
        400,
        "INVALID_TEXT:notes");
    assertProblem(
        http.post(
            versions,
            TestTokens.ADMIN,
            version(",\"metadata\":{\"a\":{\"b\":[1,\"ok\",\"x" + CSI + "\"]}}")),
        400,
        "INVALID_TEXT:metadata");
    assertProblem(
        http.post(versions, TestTokens.ADMIN, version(",\"provenance\":{\"k" + RLO + "\":1}")),
        400,
        "INVALID_TEXT:provenance");
    assertThat(http.get(versions, TestTokens.READER).body()).contains("\"items\":[]");

    var ok =
        http.post(
            versions,
            TestTokens.ADMIN,
            version(",\"notes\":\"a\\nb\",\"metadata\":{\"cmd\":\"train \\\\\\n  --fast\"}"));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    String v = parse(ok.body()).get("version").asText();
    assertProblem(
        http.patch(versions + "/" + v, TestTokens.ADMIN, "{\"notes\":\"" + ESC + "\"}"),
        400,
        "INVALID_TEXT:notes");
    assertThat(parse(http.get(versions + "/" + v, TestTokens.ADMIN).body()).get("notes").asText())
        .isEqualTo("a\nb");
  }

  @Test
  void aliasReasonsApproversAndOwnersRefuseControls() {
    String alias = models + "/m/aliases/staging";
    assertProblem(
        http.send(
            "PUT", alias, TestTokens.ADMIN, "{\"version\":\"v1\",\"reason\":\"" + ESC + "\"}"),
        400,
        "INVALID_TEXT:reason");
    assertProblem(
        http.send(
            "PUT",
            alias,
            TestTokens.ADMIN,
            "{\"version\":\"v1\",\"reason\":\"ok\",\"approved_by\":\"alice\\nbob\"}"),
        400,
        "INVALID_TEXT:approved_by");
    assertProblem(
        http.send(
            "PUT",
            alias,
            TestTokens.ADMIN,
            "{\"version\":\"v1\",\"reason\":\"ok\",\"managed_by\":\"x" + RLO + "\"}"),
        400,
        "INVALID_TEXT:managed_by");
    assertProblem(
        http.post(alias + "/rollback", TestTokens.ADMIN, "{\"reason\":\"" + CSI + "\"}"),
        400,
        "INVALID_TEXT:reason");
    assertThat(http.get(alias, TestTokens.ADMIN).statusCode()).isEqualTo(404);
  }

  @Test
  void instanceReportsRefuseControls() {
    String instance = "/api/v1/projects/" + project + "/instances/i-1";
    assertProblem(
        http.send(
            "PUT",
            instance,
            TestTokens.ADMIN,
            "{\"model\":\"m\",\"alias\":\"production\",\"state\":\"READY\",\"pod\":\"p"
                + ESC
                + "\"}"),
        400,
        "INVALID_TEXT:pod");
    assertProblem(
        http.send(
            "PUT",
            instance,
            TestTokens.ADMIN,
            "{\"model\":\"m\",\"alias\":\"production\",\"state\":\"DEGRADED\",\"last_error\":\""
                + CSI
                + "\"}"),
        400,
        "INVALID_TEXT:last_error");
    assertThat(http.get("/api/v1/projects/" + project + "/instances", TestTokens.ADMIN).body())
        .doesNotContain("i-1");
  }

  private static String version(String extra) {
    return "{\"format\":\"generic\",\"files\":[{\"path\":\"m.bin\",\"sha256\":\""
        + "a".repeat(64)
        + "\",\"size_bytes\":1}]"
        + extra
        + "}";
  }
}
