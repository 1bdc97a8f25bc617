package dev.cairn.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.ModelQuery;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hostile and broken input: always problem+json with a stable code, never a partial write. */
class ErrorHandlingTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRegistry registry = TestRegistry.shared();
  private final Http http = registry.http();
  private String project;
  private String models;

  @BeforeEach
  void createProject() {
    project = TestRegistry.uniqueProject("errors");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    models = "/api/v1/projects/" + project + "/models";
  }

  @Test
  void unknownRouteIs404ProblemJson() {
    assertProblem(http.get("/api/v1/nothing-here", TestTokens.READER), 404, "NOT_FOUND");
    assertProblem(http.get("/no/such/page", null), 404, "NOT_FOUND");
  }

  @Test
  void wrongMethodIs405WithAllowHeader() {
    HttpResponse<String> res = http.send("PUT", models, TestTokens.ADMIN, "{}");
    assertProblem(res, 405, "METHOD_NOT_ALLOWED");
    assertThat(res.headers().firstValue("Allow")).contains("POST, GET");
  }

  @Test
  void wrongContentTypeIs415() {
    HttpResponse<String> res =
        http.send("POST", models, TestTokens.ADMIN, "name=x", Map.of("Content-Type", "text/plain"));
    assertProblem(res, 415, "UNSUPPORTED_MEDIA_TYPE");
    assertNothingWritten();
  }

  @Test
  void oversizedBodyIs413AndWritesNothing() {
    String big = "{\"name\":\"big\",\"description\":\"" + "x".repeat(1_100_000) + "\"}";
    assertProblem(http.post(models, TestTokens.ADMIN, big), 413, "PAYLOAD_TOO_LARGE");
    assertNothingWritten();
  }

  @Test
  void malformedJsonUnknownFieldsAndWrongTypesAre400() {
    assertProblem(http.post(models, TestTokens.ADMIN, "{\"name\": \"x\""), 400, "BAD_REQUEST");
    HttpResponse<String> unknown =
        http.post(models, TestTokens.ADMIN, "{\"name\":\"x\",\"colour\":1}");
    assertProblem(unknown, 400, "BAD_REQUEST");
    assertThat(unknown.body()).contains("colour");
    assertProblem(http.post(models, TestTokens.ADMIN, "{\"name\":[1,2]}"), 400, "BAD_REQUEST");
    assertProblem(http.post(models, TestTokens.ADMIN, "[]"), 400, "BAD_REQUEST");
    assertProblem(http.post(models, TestTokens.ADMIN, ""), 400, "BAD_REQUEST");
    assertNothingWritten();
  }

  @Test
  void badNamesAre400WithTheField() {
    assertProblem(
        http.post(models, TestTokens.ADMIN, "{\"name\":\"-starts-with-dash\"}"),
        400,
        "INVALID_NAME:model");
    assertProblem(http.get(models + "/bad%20name", TestTokens.ADMIN), 400, "INVALID_NAME:model");
    assertProblem(
        http.get("/api/v1/projects/UPPER", TestTokens.ADMIN), 400, "INVALID_NAME:project");
    assertNothingWritten();
  }

  @Test
  void badQueryParametersAre400() {
    assertProblem(http.get(models + "?limit=0", TestTokens.READER), 400, "BAD_REQUEST");
    assertProblem(http.get(models + "?limit=abc", TestTokens.READER), 400, "BAD_REQUEST");
    assertProblem(http.get(models + "?label=novalue", TestTokens.READER), 400, "BAD_REQUEST");
    assertProblem(
        http.get(models + "?page_token=forged", TestTokens.READER), 400, "INVALID_PAGE_TOKEN");
  }

  @Test
  void echoesASaneRequestIdAndReplacesAnInsaneOne() {
    HttpResponse<String> echoed =
        http.send("GET", models, TestTokens.READER, null, Map.of("X-Request-Id", "trace-42"));
    assertThat(echoed.headers().firstValue("X-Request-Id")).contains("trace-42");

    HttpResponse<String> problem =
        http.send(
            "GET", models + "/nope", TestTokens.READER, null, Map.of("X-Request-Id", "bad id\"<>"));
    String id = problem.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(id).doesNotContain("<").hasSizeGreaterThan(8);
    assertThat(json(problem).get("request_id").asText()).isEqualTo(id);
  }

  @Test
  void roleHeadersAreNeverTrusted() {
    HttpResponse<String> res =
        http.send(
            "POST",
            models,
            TestTokens.READER,
            "{\"name\":\"sneaky\"}",
            Map.of("Content-Type", "application/json", "X-User-Role", "admin", "X-Roles", "admin"));
    assertProblem(res, 403, "FORBIDDEN");
    assertNothingWritten();
  }

  private void assertNothingWritten() {
    assertThat(registry.client(TestTokens.ADMIN).models().list(project, ModelQuery.all()).items())
        .isEmpty();
    HttpResponse<String> audit =
        http.get("/api/v1/projects/" + project + "/audit?action=MODEL_CREATE", TestTokens.ADMIN);
    assertThat(json(audit).get("items")).isEmpty();
  }

  static void assertProblem(HttpResponse<String> res, int status, String code) {
    assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
    assertThat(res.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode body = json(res);
    assertThat(body.get("code").asText()).isEqualTo(code);
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("type").asText()).startsWith("https://cairn.dev/problems/");
    assertThat(res.body()).doesNotContain("Exception", "\tat ", "SELECT", "jdbc:");
  }

  static JsonNode json(HttpResponse<String> res) {
    try {
      return JSON.readTree(res.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + res.body(), e);
    }
  }
}
