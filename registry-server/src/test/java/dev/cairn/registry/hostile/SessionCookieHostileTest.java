package dev.cairn.registry.hostile;

import static dev.cairn.registry.hostile.HostileJson.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.RawHttp;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 26 item 13 under attack: forged, oversized and malformed session cookies and cookie JWTs
 * are 401, forged or malformed {@code Origin} values and CSRF tokens are 403 {@code CSRF_REJECTED},
 * each as problem+json and with nothing written.
 */
class SessionCookieHostileTest {

  private final TestRegistry registry = TestRegistry.shared();
  private final Http http = registry.http();

  @Test
  void forgedOversizedAndMalformedCookiesAre401() {
    for (String cookie :
        List.of(
            "cairn_session=forged",
            "cairn_session=" + "x".repeat(5000),
            "cairn_session=\"\"; other=1",
            "cairn_session=a=b=c",
            "a=1; ".repeat(200) + "cairn_session=zz",
            "access_token=a.b.c",
            "access_token=" + "x.".repeat(2000),
            "access_token=" + TestTokens.ADMIN)) {
      var res = http.send("GET", "/api/v1/whoami", null, null, Map.of("Cookie", cookie));
      assertProblem(res, 401, "UNAUTHENTICATED");
    }
  }

  @Test
  void controlCharactersInACookieAreRefusedWithoutA500() {
    RawHttp.Exchange exchange =
        RawHttp.send(
            registry.uri(),
            "GET /api/v1/whoami HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Cookie: cairn_session=\u0001\u007f\u00ff\r\nConnection: close\r\n\r\n");
    assertThat(exchange.statuses()).hasSize(1);
    assertThat(exchange.statuses().get(0)).isIn(400, 401);
  }

  @Test
  void forgedOriginsAndCsrfTokensAre403AndWriteNothing() {
    var opened = http.send("POST", "/api/v1/session", TestTokens.ADMIN, null);
    String setCookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    JsonNode body = HostileJson.parse(opened.body());
    String csrf = body.get("csrf_token").asText();
    int port = registry.uri().getPort();
    String own = "http://127.0.0.1:" + port;
    String project = TestRegistry.uniqueProject("hostile-origin");

    List<Map.Entry<String, String>> attempts =
        List.of(
            Map.entry("null", csrf),
            Map.entry(own + ".evil.example", csrf),
            Map.entry("http://127.0.0.1:" + port + "@evil.example", csrf),
            Map.entry("http://evil.example@127.0.0.1:" + port, csrf),
            Map.entry(own + "/ui/", csrf),
            Map.entry("http://127.0.0.1:" + (port + 1), csrf),
            Map.entry("file:///etc/passwd", csrf),
            Map.entry("http://[::1", csrf),
            Map.entry("%%%", csrf),
            Map.entry(own, "x".repeat(8000)),
            Map.entry(own, csrf + "x"),
            Map.entry(own, ""));
    for (var attempt : attempts) {
      Map<String, String> headers = new HashMap<>();
      headers.put("Cookie", cookie);
      headers.put("Origin", attempt.getKey());
      headers.put("Content-Type", "application/json");
      if (!attempt.getValue().isEmpty()) {
        headers.put("X-CSRF-Token", attempt.getValue());
      }
      var res =
          http.send("POST", "/api/v1/projects", null, "{\"name\":\"" + project + "\"}", headers);
      assertProblem(res, 403, "CSRF_REJECTED");
    }
    assertThat(http.get("/api/v1/projects/" + project, TestTokens.ADMIN).statusCode())
        .isEqualTo(404);
  }
}
