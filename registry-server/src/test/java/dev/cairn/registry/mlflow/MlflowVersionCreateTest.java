package dev.cairn.registry.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionQuery;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlflow.api.proto.ModelRegistry.CreateModelVersion;
import org.mlflow.api.proto.ModelRegistry.ModelVersion;
import org.mlflow.api.proto.ModelRegistry.ModelVersionTag;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;
import org.mlflow_project.google.protobuf.util.JsonFormat;

/**
 * MLflow's {@code model-versions/create} (issue 30 item 6), sent by the real MLflow Java client
 * (2.17.2 has no {@code createModelVersion}, so its {@code sendPost} carries MLflow's own {@code
 * CreateModelVersion} message, printed and parsed by the protobuf mapping the client itself uses):
 * an http source with a pinned digest becomes a READY reference version through the native path,
 * audited under the publisher; a source only MLflow resolves answers INVALID_PARAMETER_VALUE with a
 * hint, never ENDPOINT_NOT_FOUND, and creates nothing.
 */
class MlflowVersionCreateTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] WEIGHTS = "weights served by the team's artifact store".getBytes();
  private static TestRegistry registry;
  private static HttpServer store;
  private static final AtomicInteger FETCHES = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    // The artifact store is on loopback, which references may reach only when allow-listed.
    registry = TestRegistry.start(Map.of("CAIRN_REFERENCE_ALLOW_CIDRS", "127.0.0.1/32"));
    store = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    store.createContext(
        "/models/",
        exchange -> {
          FETCHES.incrementAndGet();
          exchange.sendResponseHeaders(200, WEIGHTS.length);
          exchange.getResponseBody().write(WEIGHTS);
          exchange.close();
        });
    store.start();
  }

  @AfterAll
  static void stop() {
    store.stop(0);
    registry.close();
  }

  private static String project() {
    CairnClient admin = registry.client(TestTokens.ADMIN);
    String project = TestRegistry.uniqueProject("mlcreate");
    admin.projects().create(ProjectCreate.named(project));
    admin.models().create(project, ModelCreate.named("m"));
    return project;
  }

  private static MlflowClient client(String token) {
    return new MlflowClient(new BasicMlflowHostCreds(registry.uri().toString(), token));
  }

  private static String source() {
    return "http://127.0.0.1:" + store.getAddress().getPort() + "/models/churn/model.onnx";
  }

  private static ModelVersionTag tag(String key, String value) {
    return ModelVersionTag.newBuilder().setKey(key).setValue(value).build();
  }

  private static String request(String name, String source, List<ModelVersionTag> tags)
      throws Exception {
    // As the client's own MlflowProtobufMapper prints a request: proto field names (run_id).
    return JsonFormat.printer()
        .preservingProtoFieldNames()
        .print(
            CreateModelVersion.newBuilder()
                .setName(name)
                .setSource(source)
                .setRunId("0a1b2c3d")
                .setDescription("trained on March data")
                .addAllTags(tags)
                .build());
  }

  private static List<ModelVersionTag> pinned() {
    return List.of(
        tag("cairn.sha256", Versions.sha256(WEIGHTS)),
        tag("cairn.size_bytes", String.valueOf(WEIGHTS.length)),
        tag("team", "churn"));
  }

  @Test
  void anHttpSourceWithAPinnedDigestBecomesAReadyReferenceVersion() throws Exception {
    String project = project();
    String answer =
        client(TestTokens.PUBLISHER)
            .sendPost("model-versions/create", request(project + ".m", source(), pinned()));
    CreateModelVersion.Response.Builder parsed = CreateModelVersion.Response.newBuilder();
    JsonFormat.parser().ignoringUnknownFields().merge(answer, parsed);
    ModelVersion created = parsed.getModelVersion();
    assertThat(created.getName()).isEqualTo(project + ".m");
    assertThat(created.getVersion()).isEqualTo("1");
    assertThat(created.getStatus().name()).isEqualTo("READY");
    assertThat(created.getRunId()).isEqualTo("0a1b2c3d");
    assertThat(created.getDescription()).isEqualTo("trained on March data");
    assertThat(created.getTagsList())
        .extracting(t -> t.getKey() + "=" + t.getValue())
        .contains("team=churn", "cairn.format=mlflow", "cairn.state=READY");

    // Natively: a reference version of the publisher, its bytes never stored, audited twice.
    Version stored = registry.client(TestTokens.ADMIN).versions().get(project, "m", "v1");
    assertThat(stored.state()).isEqualTo("READY");
    assertThat(stored.files()).hasSize(1);
    assertThat(stored.files().get(0).path()).isEqualTo("model.onnx");
    assertThat(stored.files().get(0).source()).isEqualTo("reference");
    assertThat(stored.files().get(0).uri()).isEqualTo(source());
    assertThat(stored.files().get(0).sha256()).isEqualTo(Versions.sha256(WEIGHTS));
    assertThat(stored.labels()).containsEntry("team", "churn");
    assertThat(stored.provenance()).containsEntry("mlflow_run_id", "0a1b2c3d");
    Http http = registry.http();
    JsonNode audit =
        JSON.readTree(
            http.get("/api/v1/projects/" + project + "/audit?model=m", TestTokens.ADMIN).body());
    assertThat(audit.get("items"))
        .extracting(e -> e.get("action").asText() + " by " + e.get("actor").asText())
        .contains("VERSION_CREATE by publisher", "VERSION_COMPLETE by publisher");
    // And MLflow reads it back as it reads any other version.
    assertThat(client(TestTokens.READER).getModelVersion(project + ".m", "1").getStatus().name())
        .isEqualTo("READY");
  }

  @Test
  void bytesOtherThanThePinnedDigestCreateNothing() throws Exception {
    String project = project();
    List<ModelVersionTag> wrong =
        List.of(
            tag("cairn.sha256", Versions.sha256("other bytes".getBytes())),
            tag("cairn.size_bytes", String.valueOf(WEIGHTS.length)));
    MlflowHttpException refused =
        catchThrowableOfType(
            MlflowHttpException.class,
            () ->
                client(TestTokens.PUBLISHER)
                    .sendPost("model-versions/create", request(project + ".m", source(), wrong)));
    assertThat(refused.getStatusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(refused.getBodyMessage());
    assertThat(error.get("error_code").asText()).isEqualTo("INVALID_PARAMETER_VALUE");
    assertThat(error.get("message").asText())
        .contains("does not match")
        .doesNotContain(Versions.sha256(WEIGHTS));
    // The client retried the refusal; none of its attempts left a version behind.
    assertThat(versions(project)).isEmpty();
  }

  @Test
  void sourcesOnlyMlflowResolvesAnswerInvalidParameterWithAHint() throws Exception {
    String project = project();
    Http http = registry.http();
    int fetchesBefore = FETCHES.get();
    for (String source :
        List.of(
            "runs:/0a1b2c3d/model",
            "models:/other/3",
            "mlflow-artifacts:/0/0a1b2c3d/artifacts/model",
            "/home/me/mlruns/0/model",
            "file:///etc/passwd")) {
      HttpResponse<String> res =
          http.post(
              "/api/2.0/mlflow/model-versions/create",
              TestTokens.PUBLISHER,
              request(project + ".m", source, pinned()));
      assertThat(res.statusCode()).as(source + ": " + res.body()).isEqualTo(400);
      assertThat(res.headers().firstValue("Content-Type")).contains("application/json");
      JsonNode error = JSON.readTree(res.body());
      assertThat(error.get("error_code").asText()).isEqualTo("INVALID_PARAMETER_VALUE");
      assertThat(error.get("message").asText())
          .as(source)
          .contains("hint: publish with `cairn version push` or the native API");
    }
    HttpResponse<String> unpinned =
        http.post(
            "/api/2.0/mlflow/model-versions/create",
            TestTokens.PUBLISHER,
            request(project + ".m", source(), List.of()));
    assertThat(unpinned.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(unpinned.body()).get("message").asText())
        .contains("cairn.sha256", "cairn.size_bytes", "hint:");
    assertThat(FETCHES.get()).isEqualTo(fetchesBefore);
    assertThat(versions(project)).isEmpty();
  }

  @Test
  void aReaderIsRefusedBeforeTheSourceIsFetched() throws Exception {
    String project = project();
    int fetchesBefore = FETCHES.get();
    HttpResponse<String> res =
        registry
            .http()
            .post(
                "/api/2.0/mlflow/model-versions/create",
                TestTokens.READER,
                request(project + ".m", source(), pinned()));
    assertThat(res.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(res.body()).get("error_code").asText()).isEqualTo("PERMISSION_DENIED");
    assertThat(FETCHES.get()).isEqualTo(fetchesBefore);
    assertThat(versions(project)).isEmpty();
  }

  private static List<Version> versions(String project) {
    return registry
        .client(TestTokens.ADMIN)
        .versions()
        .list(project, "m", VersionQuery.all())
        .items();
  }
}
