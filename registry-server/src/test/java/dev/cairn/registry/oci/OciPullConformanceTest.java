package dev.cairn.registry.oci;

import static dev.cairn.registry.oci.OciFixture.get;
import static dev.cairn.registry.oci.OciFixture.header;
import static dev.cairn.registry.oci.OciFixture.send;
import static dev.cairn.registry.oci.OciFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pull section of the OCI distribution-spec conformance suite (v1.1.1, {@code
 * conformance/01_pull_test.go}, and the tag listing and referrers cases of {@code
 * 03_discovery_test.go}), ported case by case against a published version: status codes, {@code
 * Docker-Content-Digest}, lengths, 404 shapes, the 400 error JSON, and push/delete answered 405 as
 * the suite allows a registry that does not take them. The suite's set-up pushes; here the version
 * is published through the API instead.
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

  private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  private static final String SIGSTORE = "application/vnd.dev.sigstore.bundle.v0.3+json";
  private static final String DUMMY_DIGEST = "sha256:" + Versions.sha256("nonexistent".getBytes());
  private static final ObjectMapper JSON = new ObjectMapper();

  private static TestRegistry registry;
  private static OciFixture fixture;
  private static URI base;
  private static String manifestDigest;
  private static JsonNode manifest;

  @BeforeAll
  static void publish() throws Exception {
    registry = TestRegistry.shared();
    base = registry.uri();
    fixture = OciFixture.publish(registry, "oci-conformance");
    HttpResponse<byte[]> byTag = manifestGet("GET", fixture.high.version());
    manifestDigest = header(byTag, "Docker-Content-Digest");
    manifest = JSON.readTree(byTag.body());
  }

  @Test
  void headOfANonexistentBlobIs404() {
    HttpResponse<byte[]> res = blob("HEAD", DUMMY_DIGEST, Map.of());
    assertThat(res.statusCode()).isEqualTo(404);
    assertThat(res.body()).isEmpty();
  }

  @Test
  void headOfAnExistingBlobIs200WithItsDigestAndLength() {
    String config = manifest.at("/config/digest").asText();
    HttpResponse<byte[]> res = blob("HEAD", config, Map.of());
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(header(res, "Docker-Content-Digest")).isEqualTo(config);
    assertThat(header(res, "Content-Length")).isEqualTo(manifest.at("/config/size").asText());
    JsonNode layer = manifest.at("/layers/0");
    HttpResponse<byte[]> file = blob("HEAD", layer.get("digest").asText(), Map.of());
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(header(file, "Content-Length")).isEqualTo(layer.get("size").asText());
    assertThat(file.body()).isEmpty();
  }

  @Test
  void getOfANonexistentBlobIs404BlobUnknown() throws Exception {
    HttpResponse<byte[]> res = blob("GET", DUMMY_DIGEST, Map.of());
    assertThat(res.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(res.body()).at("/errors/0/code").asText()).isEqualTo("BLOB_UNKNOWN");
  }

  @Test
  void getOfAnExistingBlobIs200WithItsBytes() {
    String config = manifest.at("/config/digest").asText();
    HttpResponse<byte[]> res = blob("GET", config, Map.of());
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat("sha256:" + Versions.sha256(res.body())).isEqualTo(config);
    for (JsonNode layer : manifest.get("layers")) {
      HttpResponse<byte[]> file = blob("GET", layer.get("digest").asText(), Map.of());
      assertThat(file.statusCode()).isEqualTo(200);
      assertThat("sha256:" + Versions.sha256(file.body())).isEqualTo(layer.get("digest").asText());
      assertThat(header(file, "Docker-Content-Digest")).isEqualTo(layer.get("digest").asText());
    }
  }

  @Test
  void aRangeOfABlobIs206AndOnePastTheEndIs416() {
    JsonNode layer = largestLayer();
    String digest = layer.get("digest").asText();
    long size = layer.get("size").asLong();
    HttpResponse<byte[]> part = blob("GET", digest, Map.of("Range", "bytes=10-19"));
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.body()).hasSize(10);
    assertThat(header(part, "Content-Range")).isEqualTo("bytes 10-19/" + size);
    byte[] whole = blob("GET", digest, Map.of()).body();
    assertThat(part.body()).isEqualTo(Arrays.copyOfRange(whole, 10, 20));
    HttpResponse<byte[]> past = blob("GET", digest, Map.of("Range", "bytes=" + size + "-"));
    assertThat(past.statusCode()).isEqualTo(416);
    assertThat(header(past, "Content-Range")).isEqualTo("bytes */" + size);
  }

  @Test
  void headOfANonexistentManifestIs404() {
    HttpResponse<byte[]> res = manifestGet("HEAD", "nonexistent");
    assertThat(res.statusCode()).isEqualTo(404);
    assertThat(res.body()).isEmpty();
  }

  @Test
  void headOfAManifestByDigestAndByTagIs200WithTheSameDigest() {
    HttpResponse<byte[]> byDigest = manifestGet("HEAD", manifestDigest);
    assertThat(byDigest.statusCode()).isEqualTo(200);
    assertThat(header(byDigest, "Docker-Content-Digest")).isEqualTo(manifestDigest);
    assertThat(header(byDigest, "Content-Type")).isEqualTo(MANIFEST);
    HttpResponse<byte[]> full = manifestGet("GET", manifestDigest);
    assertThat(header(byDigest, "Content-Length")).isEqualTo(String.valueOf(full.body().length));
    HttpResponse<byte[]> byTag = manifestGet("HEAD", fixture.high.version());
    assertThat(byTag.statusCode()).isEqualTo(200);
    assertThat(header(byTag, "Docker-Content-Digest")).isEqualTo(manifestDigest);
  }

  @Test
  void getOfANonexistentManifestIs404ManifestUnknown() throws Exception {
    HttpResponse<byte[]> res = manifestGet("GET", "nonexistent");
    assertThat(res.statusCode()).isEqualTo(404);
    assertThat(header(res, "Content-Type")).isEqualTo("application/json");
    JsonNode error = JSON.readTree(res.body()).at("/errors/0");
    assertThat(error.get("code").asText()).isEqualTo("MANIFEST_UNKNOWN");
    assertThat(error.has("message")).isTrue();
    assertThat(error.has("detail")).isTrue();
  }

  @Test
  void getOfAManifestByDigestAndByTagIs200AndHashesToItsDigest() {
    HttpResponse<byte[]> byDigest = manifestGet("GET", manifestDigest);
    assertThat(byDigest.statusCode()).isEqualTo(200);
    assertThat("sha256:" + Versions.sha256(byDigest.body())).isEqualTo(manifestDigest);
    assertThat(header(byDigest, "Content-Type")).isEqualTo(MANIFEST);
    HttpResponse<byte[]> byTag = manifestGet("GET", fixture.high.version());
    assertThat(byTag.statusCode()).isEqualTo(200);
    assertThat(byTag.body()).isEqualTo(byDigest.body());
  }

  @Test
  void aMalformedDigestIs400WithAConformingErrorOr404() throws Exception {
    HttpResponse<byte[]> res = manifestGet("GET", "sha256:totallywrong");
    assertThat(res.statusCode()).isIn(400, 404);
    if (res.statusCode() == 400) {
      JsonNode errors = JSON.readTree(res.body()).get("errors");
      assertThat(errors).isNotEmpty();
      assertThat(ERROR_CODES).contains(errors.get(0).get("code").asText());
    }
  }

  @Test
  void deletesAreRefusedWith405AsTheSuiteAllows() {
    String path = "/v2/" + fixture.name();
    assertThat(
            send(base, "DELETE", path + "/manifests/" + manifestDigest, TestTokens.ADMIN, Map.of())
                .statusCode())
        .isEqualTo(405);
    String config = manifest.at("/config/digest").asText();
    assertThat(
            send(base, "DELETE", path + "/blobs/" + config, TestTokens.ADMIN, Map.of())
                .statusCode())
        .isEqualTo(405);
    assertThat(
            send(base, "POST", path + "/blobs/uploads/", TestTokens.ADMIN, Map.of()).statusCode())
        .isEqualTo(405);
  }

  @Test
  void tagsListIs200AndPagesWithNAndLast() throws Exception {
    HttpResponse<byte[]> all = get(base, "/v2/" + fixture.name() + "/tags/list");
    assertThat(all.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(all.body());
    assertThat(body.get("name").asText()).isEqualTo(fixture.name());
    List<String> tags = new ArrayList<>();
    body.get("tags").forEach(t -> tags.add(t.asText()));
    assertThat(tags)
        .containsExactlyInAnyOrder(
            fixture.high.version(), fixture.low.version(), "production", "production-LOW")
        .isSorted();
    int n = tags.size() - 1;
    HttpResponse<byte[]> first = get(base, "/v2/" + fixture.name() + "/tags/list?n=" + n);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(first.body()).get("tags")).hasSize(n);
    assertThat(header(first, "Link"))
        .isEqualTo(
            "</v2/"
                + fixture.name()
                + "/tags/list?n="
                + n
                + "&last="
                + tags.get(n - 1)
                + ">; rel=\"next\"");
    HttpResponse<byte[]> rest =
        get(base, "/v2/" + fixture.name() + "/tags/list?n=" + n + "&last=" + tags.get(n - 1));
    assertThat(rest.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(rest.body()).get("tags").get(0).asText()).isEqualTo(tags.get(n));
    assertThat(JSON.readTree(rest.body()).get("tags")).hasSize(1);
    assertThat(header(rest, "Link")).isNull();
  }

  @Test
  void referrersOfAnUnknownDigestAreAnEmptyIndex() throws Exception {
    HttpResponse<byte[]> res = get(base, "/v2/" + fixture.name() + "/referrers/" + DUMMY_DIGEST);
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(header(res, "Content-Type")).isEqualTo("application/vnd.oci.image.index.v1+json");
    JsonNode index = JSON.readTree(res.body());
    assertThat(index.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(index.get("manifests")).isEmpty();
  }

  @Test
  void referrersOfAManifestAreAnIndexAndSayWhichFilterApplied() throws Exception {
    HttpResponse<byte[]> res =
        get(
            base,
            "/v2/"
                + fixture.name()
                + "/referrers/"
                + manifestDigest
                + "?artifactType=application/vnd.dev.sigstore.bundle.v0.3%2Bjson");
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(header(res, "Content-Type")).isEqualTo("application/vnd.oci.image.index.v1+json");
    assertThat(header(res, "OCI-Filters-Applied")).isEqualTo("artifactType");
    assertThat(JSON.readTree(res.body()).get("mediaType").asText())
        .isEqualTo("application/vnd.oci.image.index.v1+json");
  }

  /**
   * Issue 29 item 6, as 03_discovery's referrers cases check a pushed referrer: the signed
   * version's index lists one descriptor whose type, size and annotations are those of the manifest
   * served by its digest, which hashes to it; that manifest's subject, config and layer are all
   * served.
   */
  @Test
  void aSignedVersionListsItsSignatureAsAReferrerServedByDigest() throws Exception {
    byte[] bundle = fixture.sign(registry, fixture.low);
    String subject = header(manifestGet("GET", fixture.low.version()), "Docker-Content-Digest");
    String referrers = "/v2/" + fixture.name() + "/referrers/" + subject;
    JsonNode index = JSON.readTree(get(base, referrers).body());
    assertThat(index.get("manifests")).hasSize(1);
    JsonNode listed = index.get("manifests").get(0);
    assertThat(listed.get("mediaType").asText()).isEqualTo(MANIFEST);
    assertThat(listed.get("artifactType").asText()).isEqualTo(SIGSTORE);

    String digest = listed.get("digest").asText();
    HttpResponse<byte[]> got = manifestGet("GET", digest);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(header(got, "Content-Type")).isEqualTo(MANIFEST);
    assertThat(header(got, "Docker-Content-Digest")).isEqualTo(digest);
    assertThat("sha256:" + Versions.sha256(got.body())).isEqualTo(digest);
    assertThat((long) got.body().length).isEqualTo(listed.get("size").asLong());
    assertThat(manifestGet("HEAD", digest).statusCode()).isEqualTo(200);
    JsonNode referrer = JSON.readTree(got.body());
    assertThat(referrer.get("artifactType").asText()).isEqualTo(SIGSTORE);
    assertThat(referrer.get("subject").get("digest").asText()).isEqualTo(subject);
    assertThat(listed.get("annotations")).isEqualTo(referrer.get("annotations"));
    assertThat(referrer.get("annotations").get("org.opencontainers.image.created")).isNotNull();

    JsonNode config = referrer.get("config");
    assertThat(config.get("mediaType").asText()).isEqualTo("application/vnd.oci.empty.v1+json");
    HttpResponse<byte[]> empty = blob("GET", config.get("digest").asText(), Map.of());
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(text(empty)).isEqualTo("{}");
    JsonNode layer = referrer.get("layers").get(0);
    assertThat(layer.get("mediaType").asText()).isEqualTo(SIGSTORE);
    assertThat(layer.get("annotations").get("org.opencontainers.image.title").asText())
        .isEqualTo("model.sig");
    HttpResponse<byte[]> layerBytes = blob("GET", layer.get("digest").asText(), Map.of());
    assertThat(layerBytes.statusCode()).isEqualTo(200);
    assertThat(layerBytes.body()).isEqualTo(bundle);

    JsonNode filtered =
        JSON.readTree(get(base, referrers + "?artifactType=application/vnd.example%2Bjson").body());
    assertThat(filtered.get("manifests")).isEmpty();
    assertThat(manifestGet("GET", digest).body()).as("deterministic").isEqualTo(got.body());
  }

  @Test
  void theBaseAnswers200AuthenticatedAnd401WithAChallengeOtherwise() {
    HttpResponse<byte[]> ok = get(base, "/v2/");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(header(ok, "Docker-Distribution-API-Version")).isEqualTo("registry/2.0");
    HttpResponse<byte[]> anonymous = send(base, "GET", "/v2/", null, Map.of());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(header(anonymous, "WWW-Authenticate"))
        .startsWith("Bearer realm=\"http://127.0.0.1:" + base.getPort() + "/v2/token\"");
    assertThat(text(anonymous)).contains("\"code\":\"UNAUTHORIZED\"");
  }

  private static JsonNode largestLayer() {
    JsonNode largest = manifest.at("/layers/0");
    for (JsonNode layer : manifest.get("layers")) {
      if (layer.get("size").asLong() > largest.get("size").asLong()) {
        largest = layer;
      }
    }
    return largest;
  }

  private static HttpResponse<byte[]> blob(
      String method, String digest, Map<String, String> headers) {
    return send(
        base, method, "/v2/" + fixture.name() + "/blobs/" + digest, TestTokens.READER, headers);
  }

  private static HttpResponse<byte[]> manifestGet(String method, String reference) {
    return send(
        base,
        method,
        "/v2/" + fixture.name() + "/manifests/" + reference,
        TestTokens.READER,
        Map.of("Accept", MANIFEST));
  }
}
