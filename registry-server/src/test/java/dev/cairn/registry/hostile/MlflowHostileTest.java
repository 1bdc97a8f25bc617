package dev.cairn.registry.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.registry.mlflow.MlflowFixture;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input on the MLflow-compatible surface (issue 30, items 6–7): filter strings that are not
 * the two forms answered (including SQL-ish ones meant for a LIKE), out-of-range and overflowing
 * {@code max_results}, forged page tokens, traversal in artifact paths, garbage Basic credentials.
 * Each is refused with 400/401/404 as MLflow's error JSON; none reaches SQL (filters are matched
 * whole by one expression, prefixes go to {@code starts_with}), none serves a byte outside the
 * version. The surface is new, so before it each request was the registry's 404 problem+json.
 */
class MlflowHostileTest {

  private static final TestRegistry registry = TestRegistry.shared();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODELS = "/api/2.0/mlflow/registered-models/search";
  private static final String VERSIONS = "/api/2.0/mlflow/model-versions/search";
  private static final String ARTIFACTS = "/api/2.0/mlflow-artifacts/artifacts";
  private static MlflowFixture fixture;

  private final Http http = registry.http();

  @BeforeAll
  static void publish() {
    fixture = MlflowFixture.create(registry);
  }

  @Test
  void malformedAndSqlIshFiltersAreInvalidParameterValues() throws Exception {
    String p = fixture.project();
    List<String> filters =
        List.of(
            "name = '" + p + ".m' OR 1=1",
            "name = '" + p + ".m'; DROP TABLE models; --",
            "name LIKE '" + p + ".%' OR name LIKE '%'",
            "name LIKE '" + p + ".%'' OR ''1''=''1'",
            "name LIKE '" + p + ".m%x%'",
            "name LIKE '" + p + ".m'",
            "name LIKE '%'",
            "name = '",
            "name =",
            "tags.team = 'x'",
            "name ILIKE '" + p + ".%' UNION SELECT token FROM tokens",
            // Past the filter bound, inside the request-line limit (beyond it: 414 before routing).
            "name = '" + "x".repeat(1500) + "'");
    for (String filter : filters) {
      HttpResponse<String> res = get(MODELS + "?filter=" + q(filter));
      assertMlflowError(res, 400, "INVALID_PARAMETER_VALUE");
      assertThat(res.body()).as("the filter is not echoed at length").hasSizeLessThan(1200);
    }
    assertMlflowError(
        get(VERSIONS + "?filter=" + q("name LIKE '" + p + ".%'")), 400, "INVALID_PARAMETER_VALUE");
    assertMlflowError(get(VERSIONS), 400, "INVALID_PARAMETER_VALUE");
  }

  @Test
  void likeWildcardsInsideThePrefixMatchThemselves() throws Exception {
    String p = fixture.project();
    assertThat(names(get(MODELS + "?filter=" + q("name LIKE '" + p + ".%'"))))
        .containsExactly(p + ".m");
    // '_' would match any one character in SQL; here it is the character itself.
    assertThat(names(get(MODELS + "?filter=" + q("name LIKE '" + p + "._%'")))).isEmpty();
    assertThat(names(get(MODELS + "?filter=" + q("name LIKE '" + p + ".\\_%'")))).isEmpty();
    assertThat(names(get(MODELS + "?filter=" + q("name = '" + p + ".m'"))))
        .containsExactly(p + ".m");
  }

  @Test
  void maxResultsOutsideMlflowsBoundsIsRefused() throws Exception {
    String filter = "?filter=" + q("name LIKE '" + fixture.project() + ".%'");
    for (String max : List.of("0", "-1", "1001", "abc", "1e3", "99999999999999999999999")) {
      assertMlflowError(
          get(MODELS + filter + "&max_results=" + q(max)), 400, "INVALID_PARAMETER_VALUE");
    }
    String versions = "?filter=" + q("name = '" + fixture.name() + "'");
    assertMlflowError(
        get(VERSIONS + versions + "&max_results=200001"), 400, "INVALID_PARAMETER_VALUE");
    // MLflow's own bound is accepted; the page is cut at the registry's 1000.
    HttpResponse<String> most = get(VERSIONS + versions + "&max_results=200000");
    assertThat(most.statusCode()).as(most.body()).isEqualTo(200);
    assertThat(JSON.readTree(most.body()).get("model_versions")).hasSize(2);
  }

  @Test
  void forgedAndForeignPageTokensAreRefused() throws Exception {
    String models = MODELS + "?filter=" + q("name LIKE '" + fixture.project() + ".%'");
    String versions = VERSIONS + "?filter=" + q("name = '" + fixture.name() + "'");
    for (String token : List.of("garbage", "AAAA", "x".repeat(1500), "../../etc/passwd")) {
      assertMlflowError(get(models + "&page_token=" + q(token)), 400, "INVALID_PARAMETER_VALUE");
      assertMlflowError(get(versions + "&page_token=" + q(token)), 400, "INVALID_PARAMETER_VALUE");
    }
    String versionsToken =
        JSON.readTree(get(versions + "&max_results=1").body()).get("next_page_token").asText();
    assertMlflowError(
        get(models + "&page_token=" + q(versionsToken)), 400, "INVALID_PARAMETER_VALUE");
  }

  @Test
  void artifactPathsCannotLeaveTheVersion() throws Exception {
    String v = fixture.project() + "/m/v1";
    for (String path :
        List.of(
            v + "/../../../etc/passwd",
            v + "/data/../../v2/MLmodel",
            "/" + v,
            v + "//MLmodel",
            v + "/data\\weights.bin",
            v + "/./MLmodel",
            v + "/\u0000",
            fixture.project() + "/m",
            "..",
            "")) {
      assertMlflowError(get(ARTIFACTS + "?path=" + q(path)), 400, "INVALID_PARAMETER_VALUE");
    }
    for (String raw :
        List.of(
            v + "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            v + "/data/..%2f..%2fv2%2fMLmodel",
            v + "/..%5c..%5cMLmodel")) {
      HttpResponse<String> res = get(ARTIFACTS + "/" + raw);
      assertThat(res.statusCode()).as(raw + ": " + res.body()).isIn(400, 404);
    }
    HttpResponse<String> missing = get(ARTIFACTS + "/" + v + "/not-there.bin");
    assertMlflowError(missing, 404, "RESOURCE_DOES_NOT_EXIST");
    HttpResponse<String> elsewhere =
        http.get(ARTIFACTS + "/" + v + "/MLmodel", TestTokens.OTHER_PROJECT);
    assertMlflowError(elsewhere, 404, "RESOURCE_DOES_NOT_EXIST");
  }

  @Test
  void basicCredentialsAreATokenOnTheMlflowSurfaceOnly() {
    String path = "/api/2.0/mlflow/registered-models/get?name=" + q(fixture.name());
    assertThat(basic(path, "anyone:" + TestTokens.READER).statusCode()).isEqualTo(200);
    assertMlflowError(basic(path, "anyone:not-a-token"), 401, "UNAUTHENTICATED");
    assertMlflowError(basic(path, TestTokens.READER), 401, "UNAUTHENTICATED");
    assertMlflowError(
        http.send("GET", path, null, null, Map.of("Authorization", "Basic !!not base64!!")),
        401,
        "UNAUTHENTICATED");
    // The native API keeps its one scheme: a Basic password is no bearer token there.
    HttpResponse<String> nativeApi = basic("/api/v1/projects", "anyone:" + TestTokens.READER);
    assertThat(nativeApi.statusCode()).isEqualTo(401);
    assertThat(nativeApi.headers().firstValue("Content-Type")).contains("application/problem+json");
  }

  @Test
  void endpointsCairnDoesNotAnswerSayWhatToUseInstead() {
    // model-versions/create is answered now (MlflowCreateHostileTest); creating a registered
    // model through MLflow is not: a Cairn model is created in its project with the native API.
    HttpResponse<String> create =
        http.post(
            "/api/2.0/mlflow/registered-models/create",
            TestTokens.ADMIN,
            "{\"name\":\"" + fixture.name() + "-other\"}");
    assertMlflowError(create, 404, "ENDPOINT_NOT_FOUND");
    assertThat(create.body()).contains("cairn CLI");
    assertMlflowError(
        http.delete(
            "/api/2.0/mlflow/registered-models/get?name=" + q(fixture.name()), TestTokens.ADMIN),
        405,
        "ENDPOINT_NOT_FOUND");
  }

  private HttpResponse<String> get(String path) {
    return http.get(path, TestTokens.READER);
  }

  private HttpResponse<String> basic(String path, String pair) {
    return http.send(
        "GET",
        path,
        null,
        null,
        Map.of(
            "Authorization",
            "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
  }

  private static List<String> names(HttpResponse<String> res) throws Exception {
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    JsonNode models = JSON.readTree(res.body()).path("registered_models");
    return models.findValuesAsText("name").stream().filter(n -> n.contains(".")).toList();
  }

  private static void assertMlflowError(HttpResponse<String> res, int status, String code) {
    assertThat(res.statusCode()).as(res.uri() + ": " + res.body()).isEqualTo(status);
    assertThat(res.headers().firstValue("Content-Type")).contains("application/json");
    try {
      JsonNode body = JSON.readTree(res.body());
      assertThat(body.path("error_code").asText()).as(res.body()).isEqualTo(code);
      assertThat(body.path("message").asText()).isNotBlank();
    } catch (Exception e) {
      throw new AssertionError("not MLflow's error JSON: " + res.body(), e);
    }
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
