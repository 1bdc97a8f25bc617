package dev.cairn.registry.hostile;

import static dev.cairn.registry.oci.OciCalls.b64;
import static dev.cairn.registry.oci.OciCalls.code;
import static dev.cairn.registry.oci.OciCalls.json;
import static dev.cairn.registry.oci.OciFixture.header;
import static dev.cairn.registry.oci.OciFixture.send;
import static dev.cairn.registry.oci.OciFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.oci.OciCalls;
import dev.cairn.registry.testing.RawHttp;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile credentials to the OCI pull API under {@code /v2/} (issue 29 item 5): garbage Basic and
 * Bearer headers are 401 with the challenge (and never echo the token), the token endpoint hands
 * back a token only for valid credentials, and a hostile Host header never reaches the challenge's
 * realm.
 */
class OciAuthHostileTest {

  private static OciCalls calls;

  @BeforeAll
  static void publish() {
    calls = OciCalls.published(TestRegistry.shared(), "oci-auth");
  }

  @Test
  void garbageCredentialsAreUnauthorizedWithAChallengeAndAValidBasicPasswordIsAccepted() {
    for (String authorization :
        List.of(
            "Basic !!!not-base64!!!",
            "Basic " + b64("no-colon"),
            "Basic " + b64("user:"),
            "Basic " + b64("user:wrong-token"),
            "Basic ",
            "Bearer ",
            "Bearer wrong-token",
            "Digest username=x",
            "Basic " + "QUFB".repeat(2000))) {
      HttpResponse<byte[]> res =
          send(
              calls.base,
              "GET",
              calls.repo + "/tags/list",
              null,
              Map.of("Authorization", authorization));
      assertThat(res.statusCode()).as(authorization).isEqualTo(401);
      assertThat(code(res)).isEqualTo("UNAUTHORIZED");
      assertThat(header(res, "WWW-Authenticate"))
          .isEqualTo(
              "Bearer realm=\"http://127.0.0.1:"
                  + calls.base.getPort()
                  + "/v2/token\",service=\"cairn\",scope=\"repository:"
                  + calls.fixture.name()
                  + ":pull\"");
      assertThat(text(res)).doesNotContain("wrong-token");
    }
    HttpResponse<byte[]> ok =
        send(
            calls.base,
            "GET",
            calls.repo + "/tags/list",
            null,
            Map.of("Authorization", "Basic " + b64("anyone:" + TestTokens.READER)));
    assertThat(ok.statusCode()).isEqualTo(200);
  }

  @Test
  void theTokenFlowHandsBackThePresentedTokenOnlyForValidCredentials() throws Exception {
    HttpResponse<byte[]> none = send(calls.base, "GET", "/v2/token?scope=x", null, Map.of());
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(header(none, "WWW-Authenticate")).isEqualTo("Basic realm=\"cairn\"");
    HttpResponse<byte[]> wrong =
        send(
            calls.base,
            "GET",
            "/v2/token",
            null,
            Map.of("Authorization", "Basic " + b64("u:wrong")));
    assertThat(wrong.statusCode()).isEqualTo(401);
    HttpResponse<byte[]> issued =
        send(
            calls.base,
            "GET",
            "/v2/token?service=cairn&scope=repository:" + calls.fixture.name() + ":pull",
            null,
            Map.of("Authorization", "Basic " + b64("u:" + TestTokens.READER)));
    assertThat(issued.statusCode()).isEqualTo(200);
    assertThat(header(issued, "Cache-Control")).isEqualTo("no-store");
    String token = json(issued).get("token").asText();
    assertThat(send(calls.base, "GET", calls.repo + "/tags/list", token, Map.of()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aHostileHostHeaderNeverReachesTheChallenge() {
    // Hosts outside plain host syntax never reach a route; a plain one names the challenge's realm.
    RawHttp.Exchange quoted = calls.raw("GET /v2/", null, "Host: evil\",x=\"y");
    assertThat(quoted.statuses()).containsExactly(400);
    assertThat(quoted.text()).doesNotContain("realm=");
    RawHttp.Exchange odd = calls.raw("GET /v2/", null, "Host: evil_host@example");
    assertThat(odd.statuses()).containsExactly(400);
    assertThat(odd.text()).doesNotContain("realm=");
    RawHttp.Exchange plain = calls.raw("GET /v2/", null, "Host: registry.example:5000");
    assertThat(plain.statuses()).containsExactly(401);
    assertThat(plain.text()).contains("realm=\"http://registry.example:5000/v2/token\"");
  }
}
