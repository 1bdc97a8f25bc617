package dev.cairn.registry.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AuditQuery;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code GET/PUT …/trust} over HTTP (issue 28 item 1): versions, hints, audit. */
class TrustApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRegistry registry = TestRegistry.shared();
  private final Http http = registry.http();
  private final CairnClient admin = registry.client(TestTokens.ADMIN);

  @Test
  void aProjectWithoutAPolicyAnswersVersionZero() throws Exception {
    String p = project();
    HttpResponse<String> res = http.send("GET", trust(p), TestTokens.READER, null);
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(res.body());
    assertThat(body.get("version").asLong()).isZero();
    assertThat(body.get("keys")).isEmpty();
    assertThat(body.get("roots")).isEmpty();
    assertThat(body.get("identities")).isEmpty();
  }

  @Test
  void eachPutIsTheNextVersionWithHintsAndIsAudited() throws Exception {
    String p = project();
    TestSigner ci = TestSigner.generate();
    HttpResponse<String> first = http.send("PUT", trust(p), TestTokens.ADMIN, ci.policy("ci"));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    JsonNode stored = JSON.readTree(first.body());
    assertThat(stored.get("version").asLong()).isEqualTo(1);
    assertThat(stored.get("keys").get(0).get("hint").asText()).isEqualTo(ci.hint());
    assertThat(stored.get("updated_by").asText()).isNotBlank();
    assertThat(stored.get("updated_at").asText()).isNotBlank();

    HttpResponse<String> second =
        http.send("PUT", trust(p), TestTokens.ADMIN, "{\"keys\":[],\"identities\":[]}");
    assertThat(JSON.readTree(second.body()).get("version").asLong()).isEqualTo(2);
    JsonNode read = JSON.readTree(http.send("GET", trust(p), TestTokens.READER, null).body());
    assertThat(read.get("version").asLong()).isEqualTo(2);
    assertThat(read.get("keys")).isEmpty();

    assertThat(admin.audit().list(p, AuditQuery.all()).items())
        .filteredOn(e -> e.action().equals("TRUST_UPDATE"))
        .hasSize(2);
  }

  @Test
  void anAnswerCanBeSentBack() throws Exception {
    String p = project();
    String answer =
        http.send("PUT", trust(p), TestTokens.ADMIN, TestSigner.generate().policy("a")).body();
    HttpResponse<String> again = http.send("PUT", trust(p), TestTokens.ADMIN, answer);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(JSON.readTree(again.body()).get("version").asLong()).isEqualTo(2);
  }

  private String project() {
    String p = TestRegistry.uniqueProject("trust");
    admin.projects().create(ProjectCreate.named(p));
    return p;
  }

  private static String trust(String p) {
    return "/api/v1/projects/" + p + "/trust";
  }
}
