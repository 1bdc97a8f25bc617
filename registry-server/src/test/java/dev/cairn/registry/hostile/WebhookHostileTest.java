package dev.cairn.registry.hostile;

import static dev.cairn.registry.hostile.HostileJson.assertProblem;
import static dev.cairn.registry.hostile.HostileJson.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 30: webhook targets are an SSRF vector (the registry POSTs where an admin says) and their
 * endpoints take hostile input. Before: there were no webhooks. Now a target must be https (plain
 * http only by setting), may not carry user-info, and may not resolve to loopback, link-local
 * (cloud metadata), private or unique-local addresses unless that exact range is allow-listed — the
 * rules of references; redirects are not followed; an answer is read to 4 KiB at most. This class
 * owns where a webhook may POST and what it reads back; the endpoints' other hostile input (event
 * names, bodies, ids) is {@link WebhookInputHostileTest}'s. This registry allows plain http and
 * only 127.0.0.2/32, so 127.0.0.1 stays refused beside an allowed neighbour.
 */
class WebhookHostileTest {

  private static TestRegistry registry;
  private static Http http;
  private static HttpServer internal;
  private static final AtomicInteger INTERNAL_HITS = new AtomicInteger();
  private static String webhooks;

  @BeforeAll
  static void start() throws IOException {
    registry =
        TestRegistry.start(
            Map.of(
                "CAIRN_WEBHOOK_ALLOW_HTTP", "true",
                "CAIRN_WEBHOOK_ALLOW_CIDRS", "127.0.0.2/32",
                "CAIRN_WEBHOOK_RETRY_SECONDS", "0,60"));
    http = registry.http();
    internal = server("127.0.0.1", 200, "internal secret", INTERNAL_HITS);
    String project = TestRegistry.uniqueProject("hooks-hostile");
    registry.client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    webhooks = "/api/v1/projects/" + project + "/webhooks";
  }

  @AfterAll
  static void stop() {
    internal.stop(0);
    registry.close();
  }

  private static HttpServer server(String host, int status, String body, AtomicInteger hits)
      throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(host, 0), 0);
    s.createContext(
        "/",
        exchange -> {
          hits.incrementAndGet();
          exchange.getRequestBody().readAllBytes();
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          if (status / 100 == 3) {
            exchange
                .getResponseHeaders()
                .add(
                    "Location",
                    "http://127.0.0.1:" + internal.getAddress().getPort() + "/latest/meta-data");
          }
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    s.start();
    return s;
  }

  private static String create(String url, String events) {
    return "{\"url\":\"" + url + "\",\"events\":" + events + "}";
  }

  @Test
  void insideAddressesAreRefusedUnlessAllowListed() {
    int port = internal.getAddress().getPort();
    for (String url :
        new String[] {
          "http://127.0.0.1:" + port + "/hook",
          "http://169.254.169.254/latest/meta-data/",
          "http://[::1]:" + port + "/hook",
          "http://[::ffff:127.0.0.1]:" + port + "/hook",
          "http://localhost:" + port + "/hook",
          "http://10.1.2.3/hook",
          "http://192.168.0.1/hook",
          "http://[fd00::1]/hook",
          "http://0.0.0.0:" + port + "/hook"
        }) {
      var res = http.post(webhooks, TestTokens.ADMIN, create(url, "[\"*\"]"));
      JsonNode problem = assertProblem(res, 400, "BAD_REQUEST");
      assertThat(problem.get("detail").asText())
          .as(url)
          .contains("not allowed")
          .doesNotContain("127.0.0.1", String.valueOf(port));
    }
    assertThat(INTERNAL_HITS.get()).as("requests that reached the internal server").isZero();
  }

  @Test
  void anAllowListedRangeIsAcceptedAndRedirectsAreNotFollowed() throws IOException {
    AtomicInteger hits = new AtomicInteger();
    HttpServer redirecting = server("127.0.0.2", 307, "moved", hits);
    try {
      String url = "http://127.0.0.2:" + redirecting.getAddress().getPort() + "/hook";
      var res = http.post(webhooks, TestTokens.ADMIN, create(url, "[\"*\"]"));
      assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
      String hook = webhooks + "/" + parse(res.body()).get("id").asText();
      http.post(hook + "/test", TestTokens.ADMIN, null);
      await().atMost(Duration.ofSeconds(5)).until(() -> attempts(hook).size() == 1);
      assertThat(attempts(hook).get(0).get("status_code").asInt()).isEqualTo(307);
      assertThat(hits.get()).isEqualTo(1);
      assertThat(INTERNAL_HITS.get()).as("the redirect's target").isZero();
    } finally {
      redirecting.stop(0);
    }
  }

  @Test
  void anEndlessAnswerIsReadToFourKibibytes() throws IOException {
    AtomicInteger hits = new AtomicInteger();
    HttpServer chatty = server("127.0.0.2", 200, "x".repeat(1024 * 1024), hits);
    try {
      String url = "http://127.0.0.2:" + chatty.getAddress().getPort() + "/hook";
      var res = http.post(webhooks, TestTokens.ADMIN, create(url, "[\"*\"]"));
      String hook = webhooks + "/" + parse(res.body()).get("id").asText();
      http.post(hook + "/test", TestTokens.ADMIN, null);
      await().atMost(Duration.ofSeconds(5)).until(() -> attempts(hook).size() == 1);
      JsonNode attempt = attempts(hook).get(0);
      assertThat(attempt.get("status_code").asInt()).isEqualTo(200);
      assertThat(attempt.get("response_excerpt").asText()).hasSize(4096);
    } finally {
      chatty.stop(0);
    }
  }

  @Test
  void plainHttpUserInfoAndOtherSchemesAreRefused() {
    // The shared registry keeps the default: https only.
    Http shared = TestRegistry.shared().http();
    String project = TestRegistry.uniqueProject("hooks-https");
    TestRegistry.shared().client(TestTokens.ADMIN).projects().create(ProjectCreate.named(project));
    var plain =
        shared.post(
            "/api/v1/projects/" + project + "/webhooks",
            TestTokens.ADMIN,
            create("http://198.51.100.7/hook", "[\"*\"]"));
    assertThat(assertProblem(plain, 400, "BAD_REQUEST").get("detail").asText())
        .contains("https", "CAIRN_WEBHOOK_ALLOW_HTTP");
    for (String url :
        new String[] {
          "https://user:pw@198.51.100.7/hook", "file:///etc/passwd", "gopher://198.51.100.7/", ""
        }) {
      var res = http.post(webhooks, TestTokens.ADMIN, create(url, "[\"*\"]"));
      assertThat(assertProblem(res, 400, "BAD_REQUEST").get("detail").asText())
          .doesNotContain("pw");
    }
  }

  private static List<JsonNode> attempts(String hook) {
    var res = http.get(hook + "/deliveries", TestTokens.ADMIN);
    JsonNode items = parse(res.body()).get("items");
    List<JsonNode> out = new ArrayList<>();
    if (items.isEmpty()) {
      return out;
    }
    items.get(0).get("attempts").forEach(out::add);
    return out;
  }
}
