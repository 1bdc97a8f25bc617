package dev.cairn.registry.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Finding 1 (memory per request): a page of versions or audit entries carries at most 1 MiB of
 * documents, however many rows were asked for, and paging still returns every row exactly once.
 */
class ByteCappedListsTest {

  private static final int VERSIONS = 12;
  private static final TestRegistry REGISTRY = TestRegistry.shared();
  private static final Http HTTP = REGISTRY.http();
  private static String project;

  @BeforeAll
  static void publishLargeDocuments() {
    project = TestRegistry.uniqueProject("byte-capped");
    var admin = REGISTRY.client(TestTokens.ADMIN);
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("m"));
    String doc = "{\"blob\":\"" + "x".repeat(60_000) + "\"}";
    for (int i = 0; i < VERSIONS; i++) {
      String body =
          "{\"version\":\"v"
              + i
              + "\",\"format\":\"generic\",\"files\":[{\"path\":\"m.bin\",\"sha256\":\""
              + "a".repeat(64)
              + "\",\"size_bytes\":1}],\"metadata\":"
              + doc
              + ",\"provenance\":"
              + doc
              + "}";
      assertThat(HTTP.post(base() + "/models/m/versions", TestTokens.ADMIN, body).statusCode())
          .isEqualTo(201);
    }
  }

  @Test
  void versionPagesStopAtAMegabyteAndPagingSeesEveryVersionOnce() {
    List<String> seen = pageThrough(base() + "/models/m/versions?limit=100", "version");
    assertThat(seen).hasSize(VERSIONS).doesNotHaveDuplicates();
  }

  @Test
  void auditPagesStopAtAMegabyteToo() {
    List<String> seen = pageThrough(base() + "/audit?action=VERSION_CREATE&limit=100", "seq");
    assertThat(seen).hasSize(VERSIONS).doesNotHaveDuplicates();
  }

  @Test
  void theNdjsonExportStillCarriesEveryEntry() {
    var res =
        HTTP.send(
            "GET",
            base() + "/audit?action=VERSION_CREATE",
            TestTokens.ADMIN,
            null,
            Map.of("Accept", "application/x-ndjson"));
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.body().lines().count()).isEqualTo(VERSIONS);
  }

  /** Follows page tokens; every page under ~1.1 MiB and short of the 100 rows asked for. */
  private static List<String> pageThrough(String first, String key) {
    List<String> seen = new ArrayList<>();
    String next = first;
    int pages = 0;
    while (next != null) {
      var res = HTTP.get(next, TestTokens.ADMIN);
      assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
      assertThat(res.body().length()).isLessThan(1_200_000);
      JsonNode page = HostileJson.parse(res.body());
      page.get("items").forEach(item -> seen.add(item.get(key).asText()));
      JsonNode token = page.get("next_page_token");
      next = token == null || token.isNull() ? null : first + "&page_token=" + token.asText();
      pages++;
    }
    assertThat(pages).as("pages").isGreaterThan(1);
    return seen;
  }

  private static String base() {
    return "/api/v1/projects/" + project;
  }
}
