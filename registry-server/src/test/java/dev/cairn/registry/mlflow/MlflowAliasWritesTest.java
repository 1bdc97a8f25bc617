package dev.cairn.registry.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Alias;
import dev.cairn.client.model.ModelPatch;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MLflow's alias writes ({@code POST}/{@code DELETE registered-models/alias}) go through the native
 * alias service (issue 30, item 6): the same roles, protection and audit; the change is the native
 * alias's next generation, with the MLflow protocol named as its reason.
 */
class MlflowAliasWritesTest {

  private static final TestRegistry registry = TestRegistry.shared();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALIAS = "/api/2.0/mlflow/registered-models/alias";
  private static MlflowFixture fixture;

  private final Http http = registry.http();
  private final CairnClient admin = registry.client(TestTokens.ADMIN);

  @BeforeAll
  static void publish() {
    fixture = MlflowFixture.create(registry);
  }

  @Test
  void aPublisherSetsAnAliasThroughTheNativeService() throws Exception {
    HttpResponse<String> set = http.post(ALIAS, TestTokens.PUBLISHER, body("canary", "1"));
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    assertThat(set.body()).isEqualTo("{}");

    Alias stored = admin.aliases().get(fixture.project(), "m", "canary");
    assertThat(stored.pointers()).containsValue("v1");
    assertThat(stored.reason()).isEqualTo("set through the MLflow API");
    assertThat(stored.updatedBy()).isNotEqualTo(TestTokens.ADMIN);
    HttpResponse<String> read =
        http.get(ALIAS + "?name=" + q(fixture.name()) + "&alias=canary", TestTokens.READER);
    assertThat(JSON.readTree(read.body()).at("/model_version/version").asText()).isEqualTo("1");

    assertThat(http.post(ALIAS, TestTokens.PUBLISHER, body("canary", "2")).statusCode())
        .isEqualTo(200);
    assertThat(admin.aliases().get(fixture.project(), "m", "canary").generation())
        .isEqualTo(stored.generation() + 1);
  }

  @Test
  void theNativeRolesAndProtectionDecide() throws Exception {
    assertError(
        http.post(ALIAS, TestTokens.READER, body("reader-try", "1")), 403, "PERMISSION_DENIED");
    admin
        .models()
        .patch(
            fixture.project(), "m", new ModelPatch(null, null, null, null, List.of("production")));
    HttpResponse<String> protectedByPublisher =
        http.post(ALIAS, TestTokens.PUBLISHER, body("production", "1"));
    assertThat(protectedByPublisher.statusCode()).isIn(403, 409, 422);
    assertThat(JSON.readTree(protectedByPublisher.body()).has("error_code")).isTrue();
    assertError(
        http.post(ALIAS, TestTokens.PUBLISHER, body("canary-x", "99")),
        404,
        "RESOURCE_DOES_NOT_EXIST");
    assertError(
        http.post(ALIAS, TestTokens.PUBLISHER, "{\"name\":1}"), 400, "INVALID_PARAMETER_VALUE");
  }

  @Test
  void deleteTakesTheQueryOrAJsonBody() throws Exception {
    http.post(ALIAS, TestTokens.PUBLISHER, body("gone-1", "1"));
    http.post(ALIAS, TestTokens.PUBLISHER, body("gone-2", "1"));

    HttpResponse<String> byQuery =
        http.delete(ALIAS + "?name=" + q(fixture.name()) + "&alias=gone-1", TestTokens.PUBLISHER);
    assertThat(byQuery.statusCode()).as(byQuery.body()).isEqualTo(200);
    HttpResponse<String> byBody =
        http.send(
            "DELETE",
            ALIAS,
            TestTokens.PUBLISHER,
            "{\"name\":\"" + fixture.name() + "\",\"alias\":\"gone-2\"}");
    assertThat(byBody.statusCode()).as(byBody.body()).isEqualTo(200);

    for (String alias : List.of("gone-1", "gone-2")) {
      assertError(
          http.get(ALIAS + "?name=" + q(fixture.name()) + "&alias=" + alias, TestTokens.READER),
          404,
          "RESOURCE_DOES_NOT_EXIST");
    }
  }

  private static String body(String alias, String version) {
    return "{\"name\":\""
        + fixture.name()
        + "\",\"alias\":\""
        + alias
        + "\",\"version\":\""
        + version
        + "\"}";
  }

  private static void assertError(HttpResponse<String> res, int status, String code)
      throws Exception {
    assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
    JsonNode body = JSON.readTree(res.body());
    assertThat(body.path("error_code").asText()).as(res.body()).isEqualTo(code);
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
