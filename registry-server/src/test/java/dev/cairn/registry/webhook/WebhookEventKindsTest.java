package dev.cairn.registry.webhook;

import static dev.cairn.registry.webhook.WebhookFixture.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Version;
import dev.cairn.common.testing.MultipartBodies;
import dev.cairn.registry.blob.FileBlobStore;
import dev.cairn.registry.signature.TestSigner;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.SseReader;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 30 item 2, the events the outbox had names for but no change emitted: an accepted signature
 * (a PUT or a {@code model.sig} published with the files) is {@code signature.attached}, a scrubbed
 * blob that changed is {@code integrity.failed} beside {@code version.failed}, and a PATCH of a
 * version's labels is one {@code model_version_tag.set| deleted} per key, each reaching a
 * subscribed receiver with its payload.
 */
class WebhookEventKindsTest {

  private static WebhookFixture hooks;
  private static CairnClient admin;
  private static Http http;

  @BeforeAll
  static void start() {
    hooks =
        WebhookFixture.start(
            Map.of(
                "CAIRN_SCRUB_BYTES_PER_SECOND", "1048576",
                "CAIRN_SCRUB_INTERVAL_SECONDS", "1"));
    admin = hooks.admin;
    http = hooks.http;
  }

  @AfterAll
  static void stop() {
    hooks.close();
  }

  private static List<JsonNode> bodies(Receiver receiver, int count) throws Exception {
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.requests.size() >= count);
    List<JsonNode> out = new ArrayList<>();
    for (Receiver.Received r : receiver.requests) {
      out.add(JSON.readTree(r.body()));
    }
    return out;
  }

  @Test
  void anAcceptedSignatureIsSignatureAttachedWithItsSignerAndBundle() throws Exception {
    String project = hooks.project("hooksig");
    Version v = Versions.ready(admin, project, "m", "default", "signed bytes");
    TestSigner ci = TestSigner.generate();
    HttpResponse<String> trusted =
        http.send(
            "PUT", "/api/v1/projects/" + project + "/trust", TestTokens.ADMIN, ci.policy("ci"));
    assertThat(trusted.statusCode()).as(trusted.body()).isEqualTo(200);
    try (Receiver receiver = new Receiver()) {
      hooks.createWebhook(project, receiver.url(), "[\"signature.*\"]", "standard");
      byte[] bundle = ci.sign(Map.of(v.files().get(0).path(), v.files().get(0).sha256()));
      HttpResponse<String> put =
          http.sendBytes(
              "PUT",
              "/api/v1/projects/" + project + "/models/m/versions/" + v.version() + "/signature",
              TestTokens.PUBLISHER,
              bundle,
              Map.of("Content-Type", "application/json"));
      assertThat(put.statusCode()).as(put.body()).isEqualTo(201);

      JsonNode event = bodies(receiver, 1).getFirst();
      assertThat(event.get("type").asText()).isEqualTo("signature.attached");
      JsonNode data = event.get("data");
      assertThat(data.get("version").asText()).isEqualTo(v.version());
      assertThat(data.get("version_id").asText()).isNotBlank();
      assertThat(data.get("method").asText()).isEqualTo("key");
      assertThat(data.get("signer").asText()).isEqualTo(ci.hint());
      assertThat(data.get("bundle_sha256").asText()).isEqualTo(Versions.sha256(bundle));
      assertThat(data.get("audit_seq").asLong()).isPositive();
      assertThat(data.get("name").asText()).isEqualTo(project + ".m");
      // The same bytes again store nothing, so announce nothing.
      assertThat(
              http.sendBytes(
                      "PUT",
                      "/api/v1/projects/"
                          + project
                          + "/models/m/versions/"
                          + v.version()
                          + "/signature",
                      TestTokens.PUBLISHER,
                      bundle,
                      Map.of("Content-Type", "application/json"))
                  .statusCode())
          .isEqualTo(200);
      Thread.sleep(500);
      assertThat(receiver.requests).hasSize(1);
    }
  }

  @Test
  void aModelSigPublishedWithTheFilesIsSignatureAttachedToo() throws Exception {
    String project = hooks.project("hookpub");
    TestSigner ci = TestSigner.generate();
    HttpResponse<String> trusted =
        http.send(
            "PUT", "/api/v1/projects/" + project + "/trust", TestTokens.ADMIN, ci.policy("ci"));
    assertThat(trusted.statusCode()).as(trusted.body()).isEqualTo(200);
    byte[] weights = "weights".getBytes(StandardCharsets.UTF_8);
    byte[] bundle = ci.sign(Map.of("weights.bin", Versions.sha256(weights)));
    try (Receiver receiver = new Receiver()) {
      hooks.createWebhook(project, receiver.url(), "[\"signature.attached\"]", "mlflow");
      HttpResponse<String> published =
          http.sendBytes(
              "POST",
              "/api/v1/projects/" + project + "/models/m/versions",
              TestTokens.PUBLISHER,
              MultipartBodies.body(
                  MultipartBodies.part(
                      "metadata",
                      null,
                      "{\"format\":\"generic\",\"version\":\"v1\"}"
                          .getBytes(StandardCharsets.UTF_8)),
                  MultipartBodies.part("weights.bin", "weights.bin", weights),
                  MultipartBodies.part("model.sig", "model.sig", bundle)),
              Map.of("Content-Type", "multipart/form-data; boundary=" + MultipartBodies.BOUNDARY));
      assertThat(published.statusCode()).as(published.body()).isEqualTo(201);

      JsonNode event = bodies(receiver, 1).getFirst();
      assertThat(event.get("entity").asText()).isEqualTo("signature");
      assertThat(event.get("action").asText()).isEqualTo("attached");
      assertThat(event.at("/data/version").asText()).isEqualTo("v1");
      assertThat(event.at("/data/signer").asText()).isEqualTo(ci.hint());
      assertThat(event.at("/data/bundle_sha256").asText()).isEqualTo(Versions.sha256(bundle));
    }
  }

  @Test
  void aBlobTheScrubberFindsChangedIsIntegrityFailedAndVersionFailed() throws Exception {
    String project = hooks.project("hookscrub");
    try (Receiver receiver = new Receiver()) {
      hooks.createWebhook(
          project, receiver.url(), "[\"integrity.*\",\"version.failed\"]", "mlflow");
      Version v = Versions.ready(admin, project, "m", "default", "bytes to rot");
      Files.writeString(
          FileBlobStore.open(hooks.registry.dataDir().resolve("blobs"))
              .path(v.files().get(0).sha256()),
          "BYTES TO ROT");

      List<JsonNode> events = bodies(receiver, 2);
      assertThat(events)
          .extracting(e -> e.get("entity").asText() + "." + e.get("action").asText())
          .containsExactlyInAnyOrder("integrity.failed", "version.failed");
      JsonNode integrity =
          events.stream()
              .filter(e -> e.get("entity").asText().equals("integrity"))
              .findFirst()
              .get();
      JsonNode data = integrity.get("data");
      assertThat(data.get("version").asText()).isEqualTo(v.version());
      assertThat(data.get("state").asText()).isEqualTo("FAILED");
      assertThat(data.at("/integrity/path").asText()).isEqualTo(v.files().get(0).path());
      assertThat(data.at("/integrity/sha256").asText()).isEqualTo(v.files().get(0).sha256());
      assertThat(data.at("/integrity/found_by").asText()).isEqualTo("scrub");
      assertThat(data.get("audit_seq").asLong()).isPositive();
    }
  }

  @Test
  void aLabelPatchIsOneTagEventPerChangedKeyAndAVersionUpdatedOnTheStream() throws Exception {
    String project = hooks.project("hooktag");
    Version v = Versions.ready(admin, project, "m", "default", "tagged bytes");
    String path = "/api/v1/projects/" + project + "/models/m/versions/" + v.version();
    // The stream's next event (it starts after the newest one when it connects).
    CompletableFuture<List<SseReader.Sse>> next =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return SseReader.read(
                    URI.create(hooks.registry.uri() + "/api/v1/projects/" + project + "/events"),
                    1);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(1000);
    try (Receiver receiver = new Receiver()) {
      hooks.createWebhook(project, receiver.url(), "[\"model_version_tag.*\"]", "standard");
      HttpResponse<String> first =
          http.patch(path, TestTokens.ADMIN, "{\"labels\":{\"team\":\"nlp\",\"stage\":\"qa\"}}");
      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      bodies(receiver, 2);
      HttpResponse<String> second =
          http.patch(path, TestTokens.ADMIN, "{\"labels\":{\"team\":\"nlp\",\"tier\":\"gold\"}}");
      assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
      // Notes alone change no label: no tag event.
      assertThat(http.patch(path, TestTokens.ADMIN, "{\"notes\":\"n\"}").statusCode())
          .isEqualTo(200);

      List<JsonNode> events = bodies(receiver, 4);
      Thread.sleep(500);
      assertThat(receiver.requests).hasSize(4);
      assertThat(events)
          .extracting(
              e ->
                  e.get("type").asText()
                      + " "
                      + e.at("/data/key").asText()
                      + "="
                      + e.at("/data/value").asText(""))
          .containsExactlyInAnyOrder(
              "model_version_tag.set stage=qa",
              "model_version_tag.set team=nlp",
              "model_version_tag.deleted stage=",
              "model_version_tag.set tier=gold");
      JsonNode last = events.getLast().get("data");
      assertThat(last.get("version").asText()).isEqualTo(v.version());
      assertThat(last.get("name").asText()).isEqualTo(project + ".m");
      assertThat(last.get("audit_seq").asLong()).isPositive();
    }
    // On the SSE stream a label change is version.updated carrying the labels after.
    SseReader.Sse updated = next.get(10, TimeUnit.SECONDS).getFirst();
    assertThat(updated.type()).isEqualTo("version.updated");
    assertThat(JSON.readTree(updated.data()).at("/labels/stage").asText()).isEqualTo("qa");
  }
}
