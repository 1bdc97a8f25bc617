package dev.cairn.registry.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;

/**
 * {@code CAIRN_MLFLOW_DEFAULT_PROJECT}: MLflow clients name that project's models bare, other
 * projects' models keep {@code project.model}, and a default-project model with a dot in its own
 * name stays qualified so that the name reads back to the same model (issue 30, item 6).
 */
class MlflowDefaultProjectTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestRegistry registry;

  @BeforeAll
  static void start() {
    registry = TestRegistry.start(Map.of("CAIRN_MLFLOW_DEFAULT_PROJECT", "team-a"));
    CairnClient admin = registry.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named("team-a"));
    admin.projects().create(ProjectCreate.named("team-b"));
    for (String model : List.of("churn", "churn-v2", "fraud", "dotted.name")) {
      admin.models().create("team-a", ModelCreate.named(model));
    }
    admin.models().create("team-b", ModelCreate.named("churn"));
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void bareNamesAreModelsOfTheDefaultProject() {
    MlflowClient client =
        new MlflowClient(new BasicMlflowHostCreds(registry.uri().toString(), TestTokens.READER));

    assertThat(client.getRegisteredModel("churn").getName()).isEqualTo("churn");
    assertThat(client.getRegisteredModel("team-a.churn").getName()).isEqualTo("churn");
    assertThat(client.getRegisteredModel("team-b.churn").getName()).isEqualTo("team-b.churn");
    assertThat(client.getRegisteredModel("team-a.dotted.name").getName())
        .isEqualTo("team-a.dotted.name");
  }

  @Test
  void searchListsTheDefaultProjectByNameAndPages() throws Exception {
    assertThat(allNames("")).containsExactly("churn", "churn-v2", "team-a.dotted.name", "fraud");
    assertThat(allNames("name LIKE 'churn%'")).containsExactly("churn", "churn-v2");
    assertThat(allNames("name LIKE 'team-b.%'")).containsExactly("team-b.churn");
    assertThat(allNames("name = 'fraud'")).containsExactly("fraud");
  }

  /** Every name the search gives, one model a page, following next_page_token. */
  private static List<String> allNames(String filter) throws Exception {
    List<String> names = new ArrayList<>();
    String token = null;
    do {
      String path =
          "/api/2.0/mlflow/registered-models/search?max_results=1&filter="
              + URLEncoder.encode(filter, StandardCharsets.UTF_8)
              + (token == null
                  ? ""
                  : "&page_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
      HttpResponse<String> res = registry.http().get(path, TestTokens.READER);
      assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
      JsonNode page = JSON.readTree(res.body());
      page.path("registered_models").forEach(m -> names.add(m.get("name").asText()));
      token = page.hasNonNull("next_page_token") ? page.get("next_page_token").asText() : null;
      assertThat(names).hasSizeLessThan(10);
    } while (token != null);
    return names;
  }
}
