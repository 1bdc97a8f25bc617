package dev.cairn.registry.hostile;

import static dev.cairn.registry.hostile.HostileJson.assertProblem;
import static dev.cairn.registry.hostile.HostileJson.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.signature.TestSigner;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile {@code If-Match} on {@code PUT …/trust} (review 12 item 10): the header is a condition on
 * a revocation, so anything that is not one policy version is a 400 problem, never read as "no
 * condition", and nothing is stored. Before, the header was not read at all: every PUT applied.
 */
class TrustPreconditionHostileTest {

  private final TestRegistry registry = TestRegistry.shared();
  private final Http http = registry.http();
  private final CairnClient admin = registry.client(TestTokens.ADMIN);
  private String trust;

  @BeforeEach
  void project() {
    String p = TestRegistry.uniqueProject("hostile-trust");
    admin.projects().create(ProjectCreate.named(p));
    trust = "/api/v1/projects/" + p + "/trust";
  }

  @Test
  void anIfMatchThatIsNotAVersionIs400AndNothingIsStored() {
    String policy = TestSigner.generate().policy("a");
    for (String ifMatch :
        new String[] {
          "*", "\"abc\"", "\"-1\"", "\"99999999999999999999999\"", "\"1\", \"2\"", "\"\"", "\"0x1\""
        }) {
      assertProblem(put(policy, ifMatch), 400, "BAD_REQUEST");
    }
    assertTrustVersion(0);
  }

  @Test
  void aStaleOrFutureVersionIs412AndNothingIsStored() {
    String policy = TestSigner.generate().policy("a");
    assertThat(put(policy, "\"0\"").statusCode()).isEqualTo(200);
    for (String ifMatch : new String[] {"\"0\"", "\"2\"", "\"" + Long.MAX_VALUE + "\""}) {
      assertProblem(put("{\"keys\":[]}", ifMatch), 412, "PRECONDITION_FAILED");
    }
    assertTrustVersion(1);
  }

  @Test
  void aReaderCannotLearnAnythingThroughIfMatch() {
    HttpResponse<String> res =
        http.send(
            "PUT",
            trust,
            TestTokens.READER,
            "{\"keys\":[]}",
            Map.of("Content-Type", "application/json", "If-Match", "\"0\""));
    assertProblem(res, 403, "FORBIDDEN");
    assertTrustVersion(0);
  }

  private HttpResponse<String> put(String body, String ifMatch) {
    return http.send(
        "PUT",
        trust,
        TestTokens.ADMIN,
        body,
        Map.of("Content-Type", "application/json", "If-Match", ifMatch));
  }

  private void assertTrustVersion(long expected) {
    assertThat(parse(http.get(trust, TestTokens.READER).body()).get("version").asLong())
        .isEqualTo(expected);
  }
}
