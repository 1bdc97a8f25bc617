package dev.cairn.registry.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A registry that may deliver webhooks to a {@link Receiver} on loopback (plain http, 127.0.0.1
 * allow-listed, a retry schedule of seconds) and the steps the webhook tests share: a project with
 * a model and two ready versions, an endpoint created over HTTP, its delivery log.
 */
final class WebhookFixture implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  /** Retry seconds a test's schedule uses unless it needs its own. */
  static final String FAST_RETRIES = "0,1,1,1,1";

  final TestRegistry registry;
  final CairnClient admin;
  final Http http;

  private WebhookFixture(TestRegistry registry) {
    this.registry = registry;
    this.admin = registry.client(TestTokens.ADMIN);
    this.http = registry.http();
  }

  /** A registry delivering to loopback, with {@code extra} settings on top. */
  static WebhookFixture start(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(loopbackEnv(FAST_RETRIES));
    env.putAll(extra);
    return new WebhookFixture(TestRegistry.start(env));
  }

  /** The settings that let a registry deliver to a receiver on 127.0.0.1 over plain http. */
  static Map<String, String> loopbackEnv(String retrySeconds) {
    return Map.of(
        "CAIRN_WEBHOOK_ALLOW_CIDRS", "127.0.0.1/32",
        "CAIRN_WEBHOOK_ALLOW_HTTP", "true",
        "CAIRN_WEBHOOK_RETRY_SECONDS", retrySeconds);
  }

  /** A fresh project holding model {@code m}. */
  String project(String prefix) {
    String project = TestRegistry.uniqueProject(prefix);
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("m"));
    return project;
  }

  /** A fresh project whose model {@code m} has two ready versions, returned by name. */
  ProjectWithVersions projectWithTwoVersions(String prefix) {
    String project = project(prefix);
    return new ProjectWithVersions(
        project,
        List.of(
            Versions.ready(admin, project, "m", "default", "one").version(),
            Versions.ready(admin, project, "m", "default", "two").version()));
  }

  /** A project and its versions; {@link #version} alternates between them. */
  record ProjectWithVersions(String name, List<String> versions) {
    String version(int i) {
      return versions.get(i % versions.size());
    }
  }

  JsonNode createWebhook(String project, String url, String events, String format)
      throws Exception {
    return createWebhook(http, project, url, events, format);
  }

  /** An endpoint whose receiver has gone: the port it listened on (free to bind again), its id. */
  record DownEndpoint(int port, String hookId) {}

  /**
   * Creates a Standard Webhooks endpoint for {@code project}'s alias events on a receiver, then
   * closes the receiver: every attempt finds the port closed until a test opens it again.
   */
  DownEndpoint aliasEndpointWithItsReceiverDown(String project) throws Exception {
    Receiver receiver = new Receiver();
    int port = receiver.port();
    String hookId =
        createWebhook(project, receiver.url(), "[\"model_version_alias.*\"]", "standard")
            .get("id")
            .asText();
    receiver.close();
    return new DownEndpoint(port, hookId);
  }

  /** Creates an endpoint as the admin; the answer carries its id and (once) its secret. */
  static JsonNode createWebhook(Http http, String project, String url, String events, String format)
      throws Exception {
    var res =
        http.post(
            "/api/v1/projects/" + project + "/webhooks",
            TestTokens.ADMIN,
            "{\"url\":\"" + url + "\",\"events\":" + events + ",\"format\":\"" + format + "\"}");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    return JSON.readTree(res.body());
  }

  /** Creates an endpoint for every event, {@code ACTIVE} or {@code DISABLED}; its path. */
  String endpoint(String project, String url, String status) throws Exception {
    String webhooks = "/api/v1/projects/" + project + "/webhooks";
    var res =
        http.post(
            webhooks,
            TestTokens.ADMIN,
            "{\"url\":\"" + url + "\",\"events\":[\"*\"],\"status\":\"" + status + "\"}");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
    return webhooks + "/" + JSON.readTree(res.body()).get("id").asText();
  }

  /** Queues a test delivery to the endpoint at {@code hook} (its path); the delivery's id. */
  String queueTest(String hook) throws Exception {
    var res = http.post(hook + "/test", TestTokens.ADMIN, null);
    assertThat(res.statusCode()).as(res.body()).isEqualTo(202);
    return JSON.readTree(res.body()).get("delivery_id").asText();
  }

  /** The endpoint's delivery log, newest first, each with its attempts. */
  List<JsonNode> deliveries(String project, String hookId) throws Exception {
    return deliveries("/api/v1/projects/" + project + "/webhooks/" + hookId);
  }

  /** The delivery log of the endpoint at {@code hook} (its path). */
  List<JsonNode> deliveries(String hook) throws Exception {
    var res = http.get(hook + "/deliveries?limit=100", TestTokens.ADMIN);
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    JSON.readTree(res.body()).get("items").forEach(out::add);
    return out;
  }

  /** The states of the endpoint's deliveries, newest first. */
  List<String> states(String hook) throws Exception {
    return deliveries(hook).stream().map(d -> d.get("state").asText()).toList();
  }

  /** The registry's /metrics page as scraped now. */
  String metrics() {
    return http.get("/metrics", null).body();
  }

  /**
   * Waits up to 5 s for the /metrics page to satisfy {@code until} (gauges settle after a send).
   */
  void awaitMetrics(Predicate<String> until) {
    await().atMost(Duration.ofSeconds(5)).until(() -> until.test(metrics()));
  }

  /** The request's headers as the Standard Webhooks library takes them. */
  static Map<String, List<String>> headers(Receiver.Received r) {
    return r.headers().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
  }

  /** The distinct {@code webhook-id}s a receiver got: the events, however often each came. */
  static Set<String> distinctIds(Receiver receiver) {
    return receiver.requests.stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet());
  }

  @Override
  public void close() {
    registry.close();
  }
}
