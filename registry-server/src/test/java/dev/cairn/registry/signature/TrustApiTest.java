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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET/PUT …/trust} over HTTP (issue 28 item 1): versions, hints, audit, and the version as
 * ETag and If-Match precondition (review 12 item 10).
 */
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

  @Test
  void theVersionIsTheETag() throws Exception {
    String p = project();
    assertThat(http.send("GET", trust(p), TestTokens.READER, null).headers().firstValue("ETag"))
        .hasValue("\"0\"");
    HttpResponse<String> put =
        http.send("PUT", trust(p), TestTokens.ADMIN, TestSigner.generate().policy("a"));
    assertThat(put.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(http.send("GET", trust(p), TestTokens.READER, null).headers().firstValue("ETag"))
        .hasValue("\"1\"");
  }

  /**
   * Before: an edit made from an older read was stored as the next version, so admin B's {@code
   * add-key} from the policy A had just revoked a key of silently trusted that key again.
   */
  @Test
  void anEditFromAnOlderReadIs412AndChangesNothing() throws Exception {
    String p = project();
    TestSigner leaked = TestSigner.generate();
    TestSigner fresh = TestSigner.generate();
    assertThat(http.send("PUT", trust(p), TestTokens.ADMIN, leaked.policy("leaked")).statusCode())
        .isEqualTo(200);
    String read =
        http.send("GET", trust(p), TestTokens.READER, null)
            .headers()
            .firstValue("ETag")
            .orElseThrow();

    // A removes the leaked key, B adds a key to the same read: B's policy still holds "leaked".
    HttpResponse<String> removal = put(p, "{\"keys\":[]}", read);
    HttpResponse<String> stale = put(p, twoKeys(leaked, fresh), read);

    assertThat(removal.statusCode()).as(removal.body()).isEqualTo(200);
    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
    JsonNode problem = JSON.readTree(stale.body());
    assertThat(problem.get("code").asText()).isEqualTo("PRECONDITION_FAILED");
    assertThat(problem.get("current").get("version").asLong()).isEqualTo(2);
    JsonNode now = JSON.readTree(http.send("GET", trust(p), TestTokens.READER, null).body());
    assertThat(now.get("version").asLong()).isEqualTo(2);
    assertThat(now.get("keys")).as("the removed key stays removed").isEmpty();
    assertThat(admin.audit().list(p, AuditQuery.all()).items())
        .filteredOn(e -> e.action().equals("TRUST_UPDATE"))
        .hasSize(2);

    HttpResponse<String> retried = put(p, fresh.policy("new"), "\"2\"");
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
    assertThat(retried.headers().firstValue("ETag")).hasValue("\"3\"");
  }

  @Test
  void ifMatchZeroCreatesOnlyWhenThereIsNoPolicy() throws Exception {
    String p = project();
    String policy = TestSigner.generate().policy("a");
    assertThat(put(p, policy, "\"0\"").statusCode()).isEqualTo(200);
    assertThat(put(p, policy, "W/\"0\"").statusCode()).isEqualTo(412);
    assertThat(put(p, policy, "W/\"1\"").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> put(String p, String body, String ifMatch) {
    return http.send(
        "PUT",
        trust(p),
        TestTokens.ADMIN,
        body,
        Map.of("Content-Type", "application/json", "If-Match", ifMatch));
  }

  private static String twoKeys(TestSigner a, TestSigner b) {
    String first = a.policy("a");
    String second = b.policy("b");
    return first.substring(0, first.length() - 2) + "," + second.substring("{\"keys\":[".length());
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
