package dev.cairn.registry.hostile;

import static dev.cairn.registry.oci.OciFixture.header;
import static dev.cairn.registry.oci.OciFixture.send;
import static dev.cairn.registry.oci.OciFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.oci.OciFixture;
import dev.cairn.registry.testing.RawHttp;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input to the OCI pull API under {@code /v2/} (issue 29 item 5): malformed and foreign
 * digests, traversal and odd shapes in repository names, huge and negative {@code n}, malformed and
 * unsatisfiable ranges, HEAD against GET, unknown and invisible repositories, garbage credentials,
 * a hostile Host header, and every push. Before: {@code /v2/} did not exist, and any path outside
 * {@code /api/} reached the console's 404. Each refusal is the distribution spec's error JSON with
 * its code (a HEAD answer carries no body), never a 500.
 */
class OciHostileTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EMPTY =
      "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

  private static URI base;
  private static OciFixture fixture;
  private static String repo;

  @BeforeAll
  static void publish() {
    TestRegistry registry = TestRegistry.shared();
    base = registry.uri();
    fixture = OciFixture.publish(registry, "oci-hostile");
    repo = "/v2/" + fixture.name();
  }

  @Test
  void malformedDigestsAreDigestInvalidAndForeignAlgorithmsUnknown() throws Exception {
    for (String bad :
        List.of("sha256:xyz", "sha256:" + "A".repeat(64), "sha256:", "nocolon:", "sha256:a%2fb")) {
      HttpResponse<byte[]> res = get(repo + "/blobs/" + bad);
      assertThat(res.statusCode()).as(bad).isEqualTo(400);
      assertThat(code(res)).as(bad).isEqualTo("DIGEST_INVALID");
    }
    assertThat(code(get(repo + "/blobs/sha512:" + "a".repeat(128)))).isEqualTo("BLOB_UNKNOWN");
    assertThat(code(get(repo + "/blobs/notadigest"))).isEqualTo("DIGEST_INVALID");
    assertThat(code(get(repo + "/referrers/sha256:short"))).isEqualTo("DIGEST_INVALID");
    assertThat(get(repo + "/manifests/sha256:" + "0".repeat(64)).statusCode()).isEqualTo(404);
  }

  @Test
  void traversalAndOddShapesInNamesNeverReachALookup() {
    for (String path :
        List.of(
            "/v2/" + fixture.project + "/%2e%2e/manifests/x",
            "/v2/" + fixture.project + "/..%2fm/manifests/x",
            "/v2/" + "a".repeat(3000) + "/m/tags/list")) {
      RawHttp.Exchange ex = raw("GET " + path, TestTokens.READER);
      assertThat(ex.statuses()).as(path).containsExactly(400);
      assertThat(ex.text()).as(path).contains("\"code\":\"NAME_INVALID\"");
    }
    // An empty segment or a NUL is refused by the transport before any route (problem+json 400).
    for (String path :
        List.of(
            "/v2/" + fixture.project + "//m/manifests/x",
            "/v2/" + fixture.project + "/m%00/tags/list")) {
      assertThat(raw("GET " + path, TestTokens.READER).statuses()).as(path).containsExactly(400);
    }
    for (String path :
        List.of(
            "/v2/" + fixture.name() + "/extra/manifests/x",
            "/v2/m/manifests/x",
            "/v2/" + fixture.project + "/no-such-model/tags/list")) {
      HttpResponse<byte[]> res = get(path);
      assertThat(res.statusCode()).as(path).isEqualTo(404);
      assertThat(code(res)).as(path).isEqualTo("NAME_UNKNOWN");
    }
  }

  @Test
  void hugeNegativeAndNonNumericPageSizes() throws Exception {
    HttpResponse<byte[]> huge = get(repo + "/tags/list?n=99999999999999999");
    assertThat(huge.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(huge.body()).get("tags")).hasSize(4);
    HttpResponse<byte[]> zero = get(repo + "/tags/list?n=0");
    assertThat(JSON.readTree(zero.body()).get("tags")).isEmpty();
    assertThat(header(zero, "Link")).isNull();
    for (String n : List.of("-1", "abc", "1e3", "99999999999999999999999")) {
      HttpResponse<byte[]> res = get(repo + "/tags/list?n=" + n);
      assertThat(res.statusCode()).as(n).isEqualTo(400);
      assertThat(code(res)).as(n).isEqualTo("PAGINATION_NUMBER_INVALID");
    }
    HttpResponse<byte[]> pastEverything = get(repo + "/tags/list?last=zzzz");
    assertThat(JSON.readTree(pastEverything.body()).get("tags")).isEmpty();
  }

  @Test
  void malformedRangesAreAnsweredWholeAndRangesPastTheEndAre416() throws Exception {
    JsonNode layer = largestLayer();
    String path = repo + "/blobs/" + layer.get("digest").asText();
    long size = layer.get("size").asLong();
    for (String range : List.of("bytes=abc", "lines=0-5", "bytes=0-1,4-5", "bytes")) {
      HttpResponse<byte[]> res = get(path, Map.of("Range", range));
      assertThat(res.statusCode()).as(range).isEqualTo(200);
      assertThat((long) res.body().length).as(range).isEqualTo(size);
    }
    for (String range : List.of("bytes=" + size + "-", "bytes=5-2", "bytes=-0")) {
      HttpResponse<byte[]> res = get(path, Map.of("Range", range));
      assertThat(res.statusCode()).as(range).isEqualTo(416);
      assertThat(header(res, "Content-Range")).as(range).isEqualTo("bytes */" + size);
    }
    HttpResponse<byte[]> tail = get(path, Map.of("Range", "bytes=-5"));
    assertThat(tail.statusCode()).isEqualTo(206);
    assertThat(tail.body()).hasSize(5);
  }

  @Test
  void headAnswersGetsHeadersWithoutABody() {
    for (String path :
        List.of(
            repo + "/manifests/production",
            repo + "/blobs/" + largestLayer().get("digest").asText(),
            repo + "/tags/list")) {
      HttpResponse<byte[]> get = get(path);
      HttpResponse<byte[]> head = send(base, "HEAD", path, TestTokens.READER, Map.of());
      assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode()).isEqualTo(200);
      assertThat(head.body()).as(path).isEmpty();
      assertThat(header(head, "Content-Length")).isEqualTo(String.valueOf(get.body().length));
      assertThat(header(head, "Docker-Content-Digest"))
          .isEqualTo(header(get, "Docker-Content-Digest"));
    }
    HttpResponse<byte[]> missing =
        send(base, "HEAD", repo + "/manifests/nope", TestTokens.READER, Map.of());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).isEmpty();
  }

  @Test
  void unknownTagsPendingVersionsAndInvisibleProjectsAreUnknown() {
    assertThat(code(get(repo + "/manifests/no-such-tag"))).isEqualTo("MANIFEST_UNKNOWN");
    assertThat(code(get(repo + "/manifests/bad%20tag"))).isEqualTo("MANIFEST_UNKNOWN");
    String pending =
        TestRegistryAccess.pending(fixture.project, "pending content".getBytes()).version();
    assertThat(code(get(repo + "/manifests/" + pending))).isEqualTo("MANIFEST_UNKNOWN");
    HttpResponse<byte[]> elsewhere =
        send(base, "GET", repo + "/tags/list", TestTokens.OTHER_PROJECT, Map.of());
    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(code(elsewhere)).isEqualTo("NAME_UNKNOWN");
  }

  /**
   * Issue 29 item 6: a signature's referrer, its bundle and the empty config belong to the signed
   * version's repository only; asked of another model (or another project's token) they are
   * unknown, and a digest no manifest has lists no referrers even where versions are signed.
   */
  @Test
  void aSignaturesReferrerIsUnknownOutsideItsRepository() throws Exception {
    TestRegistry registry = TestRegistry.shared();
    OciFixture signed = OciFixture.publish(registry, "oci-hostile-signed");
    byte[] bundle = signed.sign(registry, signed.high);
    String own = "/v2/" + signed.name();
    String subject =
        header(get(own + "/manifests/" + signed.high.version()), "Docker-Content-Digest");
    JsonNode listed = JSON.readTree(get(own + "/referrers/" + subject).body()).get("manifests");
    assertThat(listed).hasSize(1);
    String referrer = listed.get(0).get("digest").asText();
    String layer = "sha256:" + Versions.sha256(bundle);
    assertThat(get(own + "/blobs/" + layer).body()).isEqualTo(bundle);

    assertThat(code(get(repo + "/manifests/" + referrer))).isEqualTo("MANIFEST_UNKNOWN");
    assertThat(code(get(repo + "/blobs/" + layer))).isEqualTo("BLOB_UNKNOWN");
    assertThat(code(get(repo + "/blobs/" + EMPTY)))
        .as("no signed version here")
        .isEqualTo("BLOB_UNKNOWN");
    assertThat(JSON.readTree(get(repo + "/referrers/" + subject).body()).get("manifests"))
        .isEmpty();
    assertThat(JSON.readTree(get(own + "/referrers/" + referrer).body()).get("manifests"))
        .as("a referrer has no referrers of its own")
        .isEmpty();
    assertThat(
            JSON.readTree(get(own + "/referrers/sha256:" + "0".repeat(64)).body()).get("manifests"))
        .isEmpty();
    HttpResponse<byte[]> elsewhere =
        send(base, "GET", own + "/manifests/" + referrer, TestTokens.OTHER_PROJECT, Map.of());
    assertThat(code(elsewhere)).isEqualTo("NAME_UNKNOWN");
    HttpResponse<byte[]> past =
        get(own + "/blobs/" + layer, Map.of("Range", "bytes=" + bundle.length + "-"));
    assertThat(past.statusCode()).isEqualTo(416);
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
          send(base, "GET", repo + "/tags/list", null, Map.of("Authorization", authorization));
      assertThat(res.statusCode()).as(authorization).isEqualTo(401);
      assertThat(code(res)).isEqualTo("UNAUTHORIZED");
      assertThat(header(res, "WWW-Authenticate"))
          .isEqualTo(
              "Bearer realm=\"http://127.0.0.1:"
                  + base.getPort()
                  + "/v2/token\",service=\"cairn\",scope=\"repository:"
                  + fixture.name()
                  + ":pull\"");
      assertThat(text(res)).doesNotContain("wrong-token");
    }
    HttpResponse<byte[]> ok =
        send(
            base,
            "GET",
            repo + "/tags/list",
            null,
            Map.of("Authorization", "Basic " + b64("anyone:" + TestTokens.READER)));
    assertThat(ok.statusCode()).isEqualTo(200);
  }

  @Test
  void theTokenFlowHandsBackThePresentedTokenOnlyForValidCredentials() throws Exception {
    HttpResponse<byte[]> none = send(base, "GET", "/v2/token?scope=x", null, Map.of());
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(header(none, "WWW-Authenticate")).isEqualTo("Basic realm=\"cairn\"");
    HttpResponse<byte[]> wrong =
        send(base, "GET", "/v2/token", null, Map.of("Authorization", "Basic " + b64("u:wrong")));
    assertThat(wrong.statusCode()).isEqualTo(401);
    HttpResponse<byte[]> issued =
        send(
            base,
            "GET",
            "/v2/token?service=cairn&scope=repository:" + fixture.name() + ":pull",
            null,
            Map.of("Authorization", "Basic " + b64("u:" + TestTokens.READER)));
    assertThat(issued.statusCode()).isEqualTo(200);
    assertThat(header(issued, "Cache-Control")).isEqualTo("no-store");
    String token = JSON.readTree(issued.body()).get("token").asText();
    assertThat(send(base, "GET", repo + "/tags/list", token, Map.of()).statusCode()).isEqualTo(200);
  }

  @Test
  void aHostileHostHeaderNeverReachesTheChallenge() {
    // Hosts outside plain host syntax never reach a route; a plain one names the challenge's realm.
    RawHttp.Exchange quoted = raw("GET /v2/", null, "Host: evil\",x=\"y");
    assertThat(quoted.statuses()).containsExactly(400);
    assertThat(quoted.text()).doesNotContain("realm=");
    RawHttp.Exchange odd = raw("GET /v2/", null, "Host: evil_host@example");
    assertThat(odd.statuses()).containsExactly(400);
    assertThat(odd.text()).doesNotContain("realm=");
    RawHttp.Exchange plain = raw("GET /v2/", null, "Host: registry.example:5000");
    assertThat(plain.statuses()).containsExactly(401);
    assertThat(plain.text()).contains("realm=\"http://registry.example:5000/v2/token\"");
  }

  @Test
  void everyPushAndDeleteIsUnsupported() {
    for (String[] call :
        List.of(
            new String[] {"PUT", repo + "/manifests/new"},
            new String[] {"DELETE", repo + "/manifests/production"},
            new String[] {"POST", repo + "/blobs/uploads/"},
            new String[] {"PATCH", repo + "/blobs/uploads/some-id"},
            new String[] {"PUT", repo + "/blobs/uploads/some-id?digest=sha256:" + "a".repeat(64)},
            new String[] {"DELETE", repo + "/blobs/sha256:" + "a".repeat(64)},
            new String[] {"GET", repo + "/blobs/uploads/some-id"})) {
      HttpResponse<byte[]> res = send(base, call[0], call[1], TestTokens.ADMIN, Map.of());
      assertThat(res.statusCode()).as(call[0] + " " + call[1]).isEqualTo(405);
      assertThat(header(res, "Allow")).isEqualTo("GET, HEAD");
      assertThat(code(res)).isEqualTo("UNSUPPORTED");
    }
    assertThat(send(base, "PUT", repo + "/manifests/new", null, Map.of()).statusCode())
        .isEqualTo(401);
  }

  private static JsonNode largestLayer() {
    try {
      JsonNode manifest = JSON.readTree(get(repo + "/manifests/production").body());
      JsonNode largest = manifest.at("/layers/0");
      for (JsonNode layer : manifest.get("layers")) {
        if (layer.get("size").asLong() > largest.get("size").asLong()) {
          largest = layer;
        }
      }
      return largest;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpResponse<byte[]> get(String path) {
    return get(path, Map.of());
  }

  private static HttpResponse<byte[]> get(String path, Map<String, String> headers) {
    return send(base, "GET", path, TestTokens.READER, headers);
  }

  private static String code(HttpResponse<byte[]> res) {
    try {
      return JSON.readTree(res.body()).at("/errors/0/code").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static RawHttp.Exchange raw(String requestLine, String token, String... headers) {
    StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\n");
    boolean host = false;
    for (String h : headers) {
      request.append(h).append("\r\n");
      host |= h.startsWith("Host:");
    }
    if (!host) {
      request.append("Host: 127.0.0.1\r\n");
    }
    if (token != null) {
      request.append("Authorization: Bearer ").append(token).append("\r\n");
    }
    request.append("Connection: close\r\n\r\n");
    return RawHttp.send(base, request.toString());
  }

  /** A version declared but never uploaded: PENDING, so never served. */
  private static final class TestRegistryAccess {
    static Version pending(String project, byte[] bytes) {
      return TestRegistry.shared()
          .client(TestTokens.PUBLISHER)
          .versions()
          .create(
              project,
              "m",
              VersionCreate.ofFormat("generic")
                  .withFiles(
                      List.of(
                          new FileDeclaration(
                              "model.bin", Versions.sha256(bytes), (long) bytes.length, null))));
    }
  }
}
