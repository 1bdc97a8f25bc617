package dev.cairn.registry.oci;

import static dev.cairn.registry.oci.OciCalls.MANIFEST;
import static dev.cairn.registry.oci.OciFixture.header;
import static dev.cairn.registry.oci.OciFixture.send;
import static dev.cairn.registry.oci.OciFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pull section of the OCI distribution-spec conformance suite (v1.1.1, {@code
 * conformance/01_pull_test.go}), ported case by case against a published version: blobs and
 * manifests by digest and by tag, status codes, {@code Docker-Content-Digest}, lengths, 404 shapes,
 * the 400 error JSON, the base's challenge, and push/delete answered 405 as the suite allows a
 * registry that does not take them. The suite's set-up pushes; here the version is published
 * through the API instead. Tag listing and referrers ({@code 03_discovery_test.go}) are {@link
 * OciDiscoveryConformanceTest}'s.
 */
class OciPullConformanceTest {

  /** The distribution spec's error codes (the suite's {@code errorCodes}). */
  private static final Set<String> ERROR_CODES =
      Set.of(
          "BLOB_UNKNOWN",
          "BLOB_UPLOAD_INVALID",
          "BLOB_UPLOAD_UNKNOWN",
          "DIGEST_INVALID",
          "MANIFEST_BLOB_UNKNOWN",
          "MANIFEST_INVALID",
          "MANIFEST_UNKNOWN",
          "NAME_INVALID",
          "NAME_UNKNOWN",
          "SIZE_INVALID",
          "UNAUTHORIZED",
          "DENIED",
          "UNSUPPORTED",
          "TOOMANYREQUESTS");

  private static final String DUMMY_DIGEST = "sha256:" + Versions.sha256("nonexistent".getBytes());
  private static final ObjectMapper JSON = new ObjectMapper();

  private static OciCalls calls;
  private static String manifestDigest;
  private static JsonNode manifest;

  @BeforeAll
  static void publish() {
    calls = OciCalls.published(TestRegistry.shared(), "oci-conformance");
    HttpResponse<byte[]> byTag = calls.manifest("GET", calls.fixture.high.version());
    manifestDigest = header(byTag, "Docker-Content-Digest");
    manifest = OciCalls.json(byTag);
  }

  @Test
  void headOfANonexistentBlobIs404() {
    HttpResponse<byte[]> res = calls.blob("HEAD", DUMMY_DIGEST, Map.of());
    assertThat(res.statusCode()).isEqualTo(404);
    assertThat(res.body()).isEmpty();
  }

  @Test
  void headOfAnExistingBlobIs200WithItsDigestAndLength() {
    String config = manifest.at("/config/digest").asText();
    HttpResponse<byte[]> res = calls.blob("HEAD", config, Map.of());
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(header(res, "Docker-Content-Digest")).isEqualTo(config);
    assertThat(header(res, "Content-Length")).isEqualTo(manifest.at("/config/size").asText());
    JsonNode layer = manifest.at("/layers/0");
    HttpResponse<byte[]> file = calls.blob("HEAD", layer.get("digest").asText(), Map.of());
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(header(file, "Content-Length")).isEqualTo(layer.get("size").asText());
    assertThat(file.body()).isEmpty();
  }

  @Test
  void getOfANonexistentBlobIs404BlobUnknown() throws Exception {
    HttpResponse<byte[]> res = calls.blob("GET", DUMMY_DIGEST, Map.of());
    assertThat(res.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(res.body()).at("/errors/0/code").asText()).isEqualTo("BLOB_UNKNOWN");
  }

  @Test
  void getOfAnExistingBlobIs200WithItsBytes() {
    String config = manifest.at("/config/digest").asText();
    HttpResponse<byte[]> res = calls.blob("GET", config, Map.of());
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat("sha256:" + Versions.sha256(res.body())).isEqualTo(config);
    for (JsonNode layer : manifest.get("layers")) {
      HttpResponse<byte[]> file = calls.blob("GET", layer.get("digest").asText(), Map.of());
      assertThat(file.statusCode()).isEqualTo(200);
      assertThat("sha256:" + Versions.sha256(file.body())).isEqualTo(layer.get("digest").asText());
      assertThat(header(file, "Docker-Content-Digest")).isEqualTo(layer.get("digest").asText());
    }
  }

  @Test
  void aRangeOfABlobIs206AndOnePastTheEndIs416() {
    JsonNode layer = OciCalls.largestLayer(manifest);
    String digest = layer.get("digest").asText();
    long size = layer.get("size").asLong();
    HttpResponse<byte[]> part = calls.blob("GET", digest, Map.of("Range", "bytes=10-19"));
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.body()).hasSize(10);
    assertThat(header(part, "Content-Range")).isEqualTo("bytes 10-19/" + size);
    byte[] whole = calls.blob("GET", digest, Map.of()).body();
    assertThat(part.body()).isEqualTo(Arrays.copyOfRange(whole, 10, 20));
    HttpResponse<byte[]> past = calls.blob("GET", digest, Map.of("Range", "bytes=" + size + "-"));
    assertThat(past.statusCode()).isEqualTo(416);
    assertThat(header(past, "Content-Range")).isEqualTo("bytes */" + size);
  }

  @Test
  void headOfANonexistentManifestIs404() {
    HttpResponse<byte[]> res = calls.manifest("HEAD", "nonexistent");
    assertThat(res.statusCode()).isEqualTo(404);
    assertThat(res.body()).isEmpty();
  }

  @Test
  void headOfAManifestByDigestAndByTagIs200WithTheSameDigest() {
    HttpResponse<byte[]> byDigest = calls.manifest("HEAD", manifestDigest);
    assertThat(byDigest.statusCode()).isEqualTo(200);
    assertThat(header(byDigest, "Docker-Content-Digest")).isEqualTo(manifestDigest);
    assertThat(header(byDigest, "Content-Type")).isEqualTo(MANIFEST);
    HttpResponse<byte[]> full = calls.manifest("GET", manifestDigest);
    assertThat(header(byDigest, "Content-Length")).isEqualTo(String.valueOf(full.body().length));
    HttpResponse<byte[]> byTag = calls.manifest("HEAD", calls.fixture.high.version());
    assertThat(byTag.statusCode()).isEqualTo(200);
    assertThat(header(byTag, "Docker-Content-Digest")).isEqualTo(manifestDigest);
  }

  @Test
  void getOfANonexistentManifestIs404ManifestUnknown() throws Exception {
    HttpResponse<byte[]> res = calls.manifest("GET", "nonexistent");
    assertThat(res.statusCode()).isEqualTo(404);
    assertThat(header(res, "Content-Type")).isEqualTo("application/json");
    JsonNode error = JSON.readTree(res.body()).at("/errors/0");
    assertThat(error.get("code").asText()).isEqualTo("MANIFEST_UNKNOWN");
    assertThat(error.has("message")).isTrue();
    assertThat(error.has("detail")).isTrue();
  }

  @Test
  void getOfAManifestByDigestAndByTagIs200AndHashesToItsDigest() {
    HttpResponse<byte[]> byDigest = calls.manifest("GET", manifestDigest);
    assertThat(byDigest.statusCode()).isEqualTo(200);
    assertThat("sha256:" + Versions.sha256(byDigest.body())).isEqualTo(manifestDigest);
    assertThat(header(byDigest, "Content-Type")).isEqualTo(MANIFEST);
    HttpResponse<byte[]> byTag = calls.manifest("GET", calls.fixture.high.version());
    assertThat(byTag.statusCode()).isEqualTo(200);
    assertThat(byTag.body()).isEqualTo(byDigest.body());
  }

  @Test
  void aMalformedDigestIs400WithAConformingErrorOr404() throws Exception {
    HttpResponse<byte[]> res = calls.manifest("GET", "sha256:totallywrong");
    assertThat(res.statusCode()).isIn(400, 404);
    if (res.statusCode() == 400) {
      JsonNode errors = JSON.readTree(res.body()).get("errors");
      assertThat(errors).isNotEmpty();
      assertThat(ERROR_CODES).contains(errors.get(0).get("code").asText());
    }
  }

  @Test
  void deletesAreRefusedWith405AsTheSuiteAllows() {
    assertThat(
            send(
                    calls.base,
                    "DELETE",
                    calls.repo + "/manifests/" + manifestDigest,
                    TestTokens.ADMIN,
                    Map.of())
                .statusCode())
        .isEqualTo(405);
    String config = manifest.at("/config/digest").asText();
    assertThat(
            send(calls.base, "DELETE", calls.repo + "/blobs/" + config, TestTokens.ADMIN, Map.of())
                .statusCode())
        .isEqualTo(405);
    assertThat(
            send(calls.base, "POST", calls.repo + "/blobs/uploads/", TestTokens.ADMIN, Map.of())
                .statusCode())
        .isEqualTo(405);
  }

  @Test
  void theBaseAnswers200AuthenticatedAnd401WithAChallengeOtherwise() {
    HttpResponse<byte[]> ok = calls.get("/v2/");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(header(ok, "Docker-Distribution-API-Version")).isEqualTo("registry/2.0");
    HttpResponse<byte[]> anonymous = send(calls.base, "GET", "/v2/", null, Map.of());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(header(anonymous, "WWW-Authenticate"))
        .startsWith("Bearer realm=\"http://127.0.0.1:" + calls.base.getPort() + "/v2/token\"");
    assertThat(text(anonymous)).contains("\"code\":\"UNAUTHORIZED\"");
  }
}
