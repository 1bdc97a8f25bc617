package dev.cairn.registry.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 7: seed 004's clients store ids and list a project's versions across models;
 * none of these calls existed (404 for every id, no project-wide listing, no exact name filter).
 */
class IdLookupTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRegistry registry = TestRegistry.shared();
  private final Http http = registry.http();
  private final CairnClient admin = registry.client(TestTokens.ADMIN);
  private String project;
  private Version a1;
  private Version b1;

  @BeforeEach
  void twoModels() {
    project = TestRegistry.uniqueProject("ids");
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("alpha"));
    admin.models().create(project, ModelCreate.named("alpha-two"));
    admin.models().create(project, ModelCreate.named("beta"));
    a1 = Versions.ready(admin, project, "alpha", "default", "alpha one");
    Versions.ready(admin, project, "alpha", "default", "alpha two");
    b1 = Versions.ready(admin, project, "beta", "default", "beta one");
    admin
        .aliases()
        .put(project, "beta", "production", AliasUpdate.version(b1.version(), "go"), null, null);
  }

  @Test
  void aModelAndAVersionAreFoundByIdWithTheirProject() throws Exception {
    String modelId = admin.models().get(project, "beta").id();

    JsonNode model = ok("/api/v1/models/" + modelId, TestTokens.READER);
    JsonNode version = ok("/api/v1/versions/" + b1.id(), TestTokens.READER);

    assertThat(model.get("name").asText()).isEqualTo("beta");
    assertThat(model.get("project").asText()).isEqualTo(project);
    assertThat(version.get("version").asText()).isEqualTo(b1.version());
    assertThat(version.get("model").asText()).isEqualTo("beta");
    assertThat(version.get("project").asText()).isEqualTo(project);
    assertThat(version.get("aliases").toString()).isEqualTo("[\"production\"]");
    assertThat(admin.versions().byId(b1.id()).version()).isEqualTo(b1.version());
    assertThat(admin.models().byId(modelId).project()).isEqualTo(project);
  }

  @Test
  void anIdOutOfSightOrUnknownIs404AndAMalformedOneIs400() throws Exception {
    var invisible = http.get("/api/v1/versions/" + b1.id(), TestTokens.OTHER_PROJECT);
    var unknown = http.get("/api/v1/models/" + UUID.randomUUID(), TestTokens.ADMIN);
    var malformed = http.get("/api/v1/versions/not-a-uuid", TestTokens.ADMIN);

    assertThat(invisible.statusCode()).isEqualTo(404);
    assertThat(code(invisible.body())).isEqualTo("VERSION_NOT_FOUND");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(code(unknown.body())).isEqualTo("MODEL_NOT_FOUND");
    assertThat(malformed.statusCode()).isEqualTo(400);
  }

  @Test
  void theProjectWideListingSpansModelsAndFilters() throws Exception {
    String base = "/api/v1/projects/" + project + "/versions";

    assertThat(models(base)).containsExactly("alpha", "alpha", "beta");
    assertThat(models(base + "?model=beta")).containsExactly("beta");
    assertThat(models(base + "?alias=production")).containsExactly("beta");
    assertThat(models(base + "?name=" + a1.version())).hasSize(2); // v1 of alpha and of beta
    assertThat(models(base + "?model=alpha&q=v")).containsExactly("alpha", "alpha");
    assertThat(models(base + "?limit=1")).hasSize(1);
    assertThat(http.get(base + "?state=production", TestTokens.READER).statusCode()).isEqualTo(400);
    assertThat(http.get(base + "?status_filter=x", TestTokens.READER).statusCode()).isEqualTo(400);
  }

  @Test
  void pagesOfTheProjectWideListingJoinUp() throws Exception {
    String base = "/api/v1/projects/" + project + "/versions?limit=2";
    JsonNode first = ok(base, TestTokens.READER);
    JsonNode second =
        ok(base + "&page_token=" + first.get("next_page_token").asText(), TestTokens.READER);

    assertThat(first.get("items")).hasSize(2);
    assertThat(second.get("items")).hasSize(1);
    assertThat(second.path("next_page_token").isTextual()).isFalse();
  }

  @Test
  void anExactNameFilterFindsOneModelWhereThePrefixFindsTwo() throws Exception {
    String base = "/api/v1/projects/" + project + "/models";
    assertThat(ok(base + "?name=alpha", TestTokens.READER).get("items")).hasSize(1);
    assertThat(ok(base + "?q=alpha", TestTokens.READER).get("items")).hasSize(2);
    assertThat(ok(base + "?name=alp", TestTokens.READER).get("items")).isEmpty();
  }

  private List<String> models(String path) throws Exception {
    List<String> names = new ArrayList<>();
    ok(path, TestTokens.READER).get("items").forEach(v -> names.add(v.get("model").asText()));
    return names;
  }

  private JsonNode ok(String path, String token) throws Exception {
    var res = http.get(path, token);
    assertThat(res.statusCode()).as(path + ": " + res.body()).isEqualTo(200);
    return JSON.readTree(res.body());
  }

  private static String code(String body) throws Exception {
    return JSON.readTree(body).get("code").asText();
  }
}
