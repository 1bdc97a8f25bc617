package dev.cairn.registry.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.AliasUpdate;
import dev.cairn.client.model.Manifest;
import dev.cairn.client.model.Version;
import dev.cairn.registry.testing.TestTokens;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bytes in and out of a registry, with the same expectations for every blob store: pinned digests,
 * nothing kept on a mismatch, ranged downloads, and tampering found by verify.
 */
abstract class ArtifactFlowContract extends ArtifactFlowFixture {

  /** Digests of every blob in the registry's store, read behind the registry's back. */
  protected abstract List<String> storedBlobs() throws Exception;

  /** Replaces the stored bytes of a blob behind the registry's back. */
  protected abstract void tamper(String sha256, byte[] replacement) throws Exception;

  @Test
  void uploadCompleteAndDownloadPinnedBytes() throws Exception {
    byte[] weights = bytes("weights of fraud v1 ".repeat(1000));
    byte[] config = bytes("{\"threshold\":0.7}");
    declare("v1", Map.of("model/weights.bin", weights, "config.json", config));
    upload("v1", "model/weights.bin", weights);
    upload("v1", "config.json", config);

    Version ready = publisher.versions().complete(project, "fraud", "v1");

    String canonical =
        sha256(config)
            + "  "
            + config.length
            + "  config.json\n"
            + sha256(weights)
            + "  "
            + weights.length
            + "  model/weights.bin\n";
    assertThat(ready.state()).isEqualTo("READY");
    assertThat(ready.digest()).isEqualTo("sha256:" + sha256(bytes(canonical)));
    assertThat(ready.sizeBytes()).isEqualTo(weights.length + config.length);
    assertThat(ready.validation().checksum()).isEqualTo("PASSED");
    assertThat(publisher.versions().complete(project, "fraud", "v1")).isEqualTo(ready);

    Manifest manifest = publisher.versions().manifest(project, "fraud", "v1");
    assertThat(manifest.digest()).isEqualTo(ready.digest());
    assertThat(manifest.files())
        .extracting(f -> f.path() + "=" + f.sha256())
        .containsExactlyInAnyOrder(
            "model/weights.bin=" + sha256(weights), "config.json=" + sha256(config));
    ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
    publisher.versions().download(project, "fraud", "v1", "model/weights.bin", downloaded);
    assertThat(downloaded.toByteArray()).isEqualTo(weights);
    assertThat(storedBlobs()).contains(sha256(weights), sha256(config));
    assertThat(events("fraud"))
        .containsExactly("model.created", "version.created", "version.ready");
  }

  @Test
  void downloadsHonourEtagAndRange() throws Exception {
    byte[] bytes = bytes("0123456789");
    declare("v1", Map.of("digits.txt", bytes));
    upload("v1", "digits.txt", bytes);
    String url = "/api/v1/projects/" + project + "/models/fraud/versions/v1/files/digits.txt";

    HttpResponse<String> whole = http.get(url, TestTokens.READER);
    String etag = whole.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).isEqualTo("\"sha256:" + sha256(bytes) + "\"");
    assertThat(
            http.send("GET", url, TestTokens.READER, null, Map.of("If-None-Match", etag))
                .statusCode())
        .isEqualTo(304);
    HttpResponse<String> range =
        http.send("GET", url, TestTokens.READER, null, Map.of("Range", "bytes=2-5"));
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.body()).isEqualTo("2345");
    assertThat(range.headers().firstValue("Content-Range")).contains("bytes 2-5/10");
    assertThat(http.send("GET", url, TestTokens.READER, null, Map.of("Range", "bytes=-3")).body())
        .isEqualTo("789");
    assertThat(
            http.send("GET", url, TestTokens.READER, null, Map.of("Range", "bytes=20-"))
                .statusCode())
        .isEqualTo(416);
  }

  @Test
  void wrongChecksumIs400AndLeavesNoBlobNoRowNoEvent() throws Exception {
    byte[] good = bytes("the approved bytes");
    byte[] evil = bytes("the approved byteZ");
    declare("v1", Map.of("declared.bin", good));
    List<String> blobsBefore = storedBlobs();
    List<String> eventsBefore = events("fraud");

    HttpResponse<String> declaredMismatch =
        http.send(
            "PUT",
            fileUrl("v1", "declared.bin"),
            TestTokens.PUBLISHER,
            new String(evil, StandardCharsets.UTF_8));
    HttpResponse<String> headerMismatch =
        http.send(
            "PUT",
            fileUrl("v1", "undeclared.bin"),
            TestTokens.PUBLISHER,
            new String(evil, StandardCharsets.UTF_8),
            Map.of("X-Checksum-Sha256", sha256(good)));

    for (HttpResponse<String> res : List.of(declaredMismatch, headerMismatch)) {
      assertThat(res.statusCode()).isEqualTo(400);
      assertThat(res.body()).contains("\"code\":\"CHECKSUM_MISMATCH\"", sha256(evil));
    }
    assertThat(storedBlobs()).isEqualTo(blobsBefore).doesNotContain(sha256(evil));
    assertThat(events("fraud")).isEqualTo(eventsBefore);
    assertThat(fileRows("v1")).containsExactly("declared.bin present=false");
    assertThat(auditActions()).doesNotContain("VERSION_FILE_UPLOAD");
  }

  @Test
  void identicalReuploadIsANoOpAndReadyVersionsAreClosed() throws Exception {
    byte[] bytes = bytes("model");
    declare("v1", Map.of("m.bin", bytes));
    assertThat(upload("v1", "m.bin", bytes).statusCode()).isEqualTo(201);
    assertThat(upload("v1", "m.bin", bytes).statusCode()).isEqualTo(200);
    publisher.versions().complete(project, "fraud", "v1");

    HttpResponse<String> late = upload("v1", "m.bin", bytes);
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("VERSION_NOT_PENDING");
  }

  @Test
  void completeRefusesMissingFiles() {
    declare("v1", Map.of("a.bin", bytes("a"), "b.bin", bytes("b")));
    upload("v1", "a.bin", bytes("a"));

    assertThatThrownBy(() -> publisher.versions().complete(project, "fraud", "v1"))
        .isInstanceOfSatisfying(
            CairnApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
              assertThat(e.member("missing").orElseThrow().toString()).contains("b.bin");
            });
    assertThat(publisher.versions().get(project, "fraud", "v1").state()).isEqualTo("PENDING");
  }

  @Test
  void tamperedBytesFailVerifyMarkTheVersionFailedAndEmitAnEvent() throws Exception {
    byte[] bytes = bytes("bytes that were approved " + project);
    declare("v1", Map.of("w.bin", bytes));
    upload("v1", "w.bin", bytes);
    publisher.versions().complete(project, "fraud", "v1");
    assertThat(publisher.versions().verify(project, "fraud", "v1").status()).isEqualTo("VERIFIED");

    tamper(sha256(bytes), bytes("bytes that were swapped " + project));

    assertThatThrownBy(() -> publisher.versions().verify(project, "fraud", "v1"))
        .isInstanceOfSatisfying(
            CairnApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.code()).isEqualTo("CHECKSUM_MISMATCH");
              assertThat(e.member("files").orElseThrow().toString()).contains("w.bin", "MISMATCH");
            });
    Version failed = publisher.versions().get(project, "fraud", "v1");
    assertThat(failed.state()).isEqualTo("FAILED");
    assertThat(failed.failure().code()).isEqualTo("CHECKSUM_MISMATCH");
    assertThat(events("fraud")).endsWith("version.ready", "version.failed");
    assertThat(auditActions()).contains("VERSION_VERIFY_FAILED");
  }

  @Test
  void deletingAVersionCollectsOnlyBlobsNoLiveVersionUses() throws Exception {
    byte[] shared = bytes("shared tokenizer " + project);
    byte[] own = bytes("weights only v1 has " + project);
    declare("v1", Map.of("tok.bin", shared, "w.bin", own));
    declare("v2", Map.of("tok.bin", shared));
    upload("v1", "tok.bin", shared);
    upload("v1", "w.bin", own);
    upload("v2", "tok.bin", shared);
    publisher.versions().complete(project, "fraud", "v1");
    publisher.versions().complete(project, "fraud", "v2");
    CairnClient admin = registry().client(TestTokens.ADMIN);
    registry()
        .client(TestTokens.APPROVER)
        .aliases()
        .put(project, "fraud", "production", AliasUpdate.version("v1", "x"), null, null);

    assertThatThrownBy(() -> admin.versions().delete(project, "fraud", "v1"))
        .isInstanceOfSatisfying(
            CairnApiException.class, e -> assertThat(e.code()).isEqualTo("VERSION_IN_USE"));
    registry()
        .client(TestTokens.APPROVER)
        .aliases()
        .put(project, "fraud", "production", AliasUpdate.version("v2", "x"), null, null);
    admin.versions().delete(project, "fraud", "v1");

    assertThat(storedBlobs()).contains(sha256(shared)).doesNotContain(sha256(own));
    assertThatThrownBy(() -> publisher.versions().get(project, "fraud", "v1"))
        .isInstanceOfSatisfying(
            CairnApiException.class, e -> assertThat(e.code()).isEqualTo("VERSION_NOT_FOUND"));
    assertThat(auditActions()).contains("VERSION_DELETE");
  }

  @Test
  void validateRechecksBytesAndRecordsTheResult() {
    byte[] bytes = bytes("validated " + project);
    declare("v1", Map.of("m.bin", bytes));
    upload("v1", "m.bin", bytes);
    assertThatThrownBy(() -> publisher.versions().validate(project, "fraud", "v1"))
        .isInstanceOfSatisfying(
            CairnApiException.class, e -> assertThat(e.code()).isEqualTo("VERSION_NOT_READY"));
    publisher.versions().complete(project, "fraud", "v1");

    assertThat(publisher.versions().validate(project, "fraud", "v1").checksum())
        .isEqualTo("PASSED");
    assertThat(publisher.versions().get(project, "fraud", "v1").validation().checksum())
        .isEqualTo("PASSED");
  }
}
