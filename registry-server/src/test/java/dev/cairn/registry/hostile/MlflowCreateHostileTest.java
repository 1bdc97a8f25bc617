package dev.cairn.registry.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.model.VersionQuery;
import dev.cairn.registry.mlflow.MlflowFixture;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile bodies for MLflow's {@code model-versions/create} (issue 30 item 6): malformed JSON and
 * fields of the wrong type, sources that carry credentials, line breaks or no scheme Cairn fetches,
 * forged digests, sizes and paths in the {@code cairn.*} tags, reserved tags, and sources inside
 * the network (loopback, cloud metadata). Each is MLflow's error JSON with a 4xx, echoes no
 * credential, and leaves the model's versions as they were. Before this route each was 404
 * ENDPOINT_NOT_FOUND.
 */
class MlflowCreateHostileTest {

  private static final TestRegistry registry = TestRegistry.shared();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CREATE = "/api/2.0/mlflow/model-versions/create";
  private static final String SHA = "a".repeat(64);
  private static MlflowFixture fixture;

  private final Http http = registry.http();

  @BeforeAll
  static void publish() {
    fixture = MlflowFixture.create(registry);
  }

  @Test
  void malformedBodiesAreInvalidParameterValues() throws Exception {
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("not JSON", "source=https://example.com/m.bin");
    bodies.put("a list", "[]");
    bodies.put("no name", "{\"source\":\"https://example.com/m.bin\"}");
    bodies.put("a numeric name", "{\"name\":7,\"source\":\"https://example.com/m.bin\"}");
    bodies.put("no source", body(b -> b.remove("source")).toString());
    bodies.put("a numeric source", body(b -> b.put("source", 1)).toString());
    bodies.put("a list source", body(b -> b.putArray("source").add("https://x/m")).toString());
    bodies.put("an object run_id", body(b -> b.putObject("run_id").put("a", 1)).toString());
    bodies.put("tags as an object", body(b -> b.putObject("tags").put("k", "v")).toString());
    bodies.put(
        "a numeric tag value",
        body(b -> tags(b).addObject().put("key", "k").put("value", 3)).toString());
    bodies.put(
        "a tag twice", body(b -> tags(b).add(tag("team", "a")).add(tag("team", "b"))).toString());
    for (Map.Entry<String, String> hostile : bodies.entrySet()) {
      assertRefused(hostile.getKey(), http.post(CREATE, TestTokens.PUBLISHER, hostile.getValue()));
    }
    assertVersionsUnchanged();
  }

  @Test
  void sourcesCairnWillNotFetchAreRefusedWithoutEcho() throws Exception {
    List<String> sources =
        List.of(
            "https://deploy:hunter2@example.com/m.bin",
            "https://example.com/m.bin\r\nX-Injected: 1",
            "javascript:alert(1)",
            "ftp://example.com/m.bin",
            "s3://",
            "https://example.com/",
            "x".repeat(20_000) + ":y",
            "C:\\models\\m.bin");
    for (String source : sources) {
      HttpResponse<String> res =
          http.post(CREATE, TestTokens.PUBLISHER, body(b -> b.put("source", source)).toString());
      assertRefused(source.substring(0, Math.min(40, source.length())), res);
      assertThat(res.body()).doesNotContain("hunter2", "X-Injected").hasSizeLessThan(1500);
    }
    assertVersionsUnchanged();
  }

  @Test
  void forgedPinsAndReservedTagsAreRefused() throws Exception {
    List<List<String>> tagSets =
        List.of(
            List.of("cairn.sha256", "not-hex", "cairn.size_bytes", "3"),
            List.of("cairn.sha256", SHA, "cairn.size_bytes", "-1"),
            List.of("cairn.sha256", SHA, "cairn.size_bytes", "1e9"),
            List.of("cairn.sha256", SHA, "cairn.size_bytes", "99999999999999999999999"),
            List.of("cairn.sha256", SHA, "cairn.size_bytes", "3", "cairn.path", "../../etc/passwd"),
            List.of("cairn.sha256", SHA, "cairn.size_bytes", "3", "cairn.path", "/abs/m.bin"),
            List.of("cairn.sha256", SHA, "cairn.size_bytes", "3", "cairn.path", "a\\b"),
            List.of("cairn.sha256", SHA, "cairn.size_bytes", "3", "cairn.format", "onxx"),
            List.of("cairn.sha256", SHA, "cairn.size_bytes", "3", "cairn.state", "READY"),
            List.of("cairn.sha256", SHA, "cairn.size_bytes", "3", "cairn.digest", SHA));
    for (List<String> pairs : tagSets) {
      ObjectNode request =
          body(
              b -> {
                ArrayNode tags = b.putArray("tags");
                for (int i = 0; i < pairs.size(); i += 2) {
                  tags.add(tag(pairs.get(i), pairs.get(i + 1)));
                }
              });
      assertRefused(pairs.toString(), http.post(CREATE, TestTokens.PUBLISHER, request.toString()));
    }
    List<String> many = new ArrayList<>(List.of("cairn.sha256", SHA, "cairn.size_bytes", "3"));
    for (int i = 0; i < 70; i++) {
      many.add("label" + i);
      many.add("v");
    }
    ObjectNode labels =
        body(
            b -> {
              ArrayNode tags = b.putArray("tags");
              for (int i = 0; i < many.size(); i += 2) {
                tags.add(tag(many.get(i), many.get(i + 1)));
              }
            });
    assertRefused("70 labels", http.post(CREATE, TestTokens.PUBLISHER, labels.toString()));
    assertVersionsUnchanged();
  }

  @Test
  void sourcesInsideTheNetworkAreOneUnavailableAnswer() throws Exception {
    List<String> answers = new ArrayList<>();
    for (String source :
        List.of(
            "http://127.0.0.1:1/m.bin",
            "http://169.254.169.254/latest/meta-data/iam/m.bin",
            "http://[::1]:9/m.bin",
            "http://10.0.0.1:9/m.bin")) {
      HttpResponse<String> res =
          http.post(CREATE, TestTokens.PUBLISHER, body(b -> b.put("source", source)).toString());
      assertRefused(source, res);
      answers.add(JSON.readTree(res.body()).get("message").asText());
    }
    // No oracle: a closed port, a metadata address and a private one read the same.
    assertThat(answers).containsOnly(answers.get(0));
    assertVersionsUnchanged();
  }

  /** A well-formed request for fixture's model from a public https source, then {@code edit}. */
  private static ObjectNode body(Consumer<ObjectNode> edit) {
    ObjectNode b = JSON.createObjectNode();
    b.put("name", fixture.name());
    b.put("source", "https://example.com/m.bin");
    ArrayNode tags = b.putArray("tags");
    tags.add(tag("cairn.sha256", SHA));
    tags.add(tag("cairn.size_bytes", "3"));
    edit.accept(b);
    return b;
  }

  private static ArrayNode tags(ObjectNode b) {
    return (ArrayNode) b.get("tags");
  }

  private static ObjectNode tag(String key, String value) {
    return JSON.createObjectNode().put("key", key).put("value", value);
  }

  private static void assertRefused(String what, HttpResponse<String> res) {
    assertThat(res.statusCode()).as(what + ": " + res.body()).isBetween(400, 499);
    assertThat(res.headers().firstValue("Content-Type")).as(what).contains("application/json");
    try {
      JsonNode error = JSON.readTree(res.body());
      assertThat(error.path("error_code").asText())
          .as(what + ": " + res.body())
          .isIn("INVALID_PARAMETER_VALUE", "PERMISSION_DENIED")
          .isNotEqualTo("ENDPOINT_NOT_FOUND");
      assertThat(error.path("message").asText()).isNotBlank();
    } catch (Exception e) {
      throw new AssertionError(what + ": not MLflow's error JSON: " + res.body(), e);
    }
  }

  private void assertVersionsUnchanged() {
    assertThat(
            registry
                .client(TestTokens.ADMIN)
                .versions()
                .list(fixture.project(), "m", VersionQuery.all())
                .items())
        .extracting(v -> v.version())
        .containsExactlyInAnyOrder("v1", "v2");
  }
}
