package dev.cairn.registry.hostile;

import static dev.cairn.registry.oci.OciCalls.code;
import static dev.cairn.registry.oci.OciCalls.json;
import static dev.cairn.registry.oci.OciFixture.header;
import static dev.cairn.registry.oci.OciFixture.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.oci.OciCalls;
import dev.cairn.registry.oci.OciFixture;
import dev.cairn.registry.testing.RawHttp;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile lookups in the OCI pull API under {@code /v2/} (issue 29 item 5): malformed and foreign
 * digests, traversal and odd shapes in repository names, unknown tags, pending versions, invisible
 * repositories, and a signature's referrer asked of another repository. Before: {@code /v2/} did
 * not exist, and any path outside {@code /api/} reached the console's 404. Each refusal is the
 * distribution spec's error JSON with its code, never a 500. How answers are sent (pages, ranges,
 * HEAD, pushes) is {@link OciTransferHostileTest}'s, credentials and the challenge {@link
 * OciAuthHostileTest}'s.
 */
class OciHostileTest {

  private static final String EMPTY =
      "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

  private static OciCalls calls;

  @BeforeAll
  static void publish() {
    calls = OciCalls.published(TestRegistry.shared(), "oci-hostile");
  }

  @Test
  void malformedDigestsAreDigestInvalidAndForeignAlgorithmsUnknown() throws Exception {
    for (String bad :
        List.of("sha256:xyz", "sha256:" + "A".repeat(64), "sha256:", "nocolon:", "sha256:a%2fb")) {
      HttpResponse<byte[]> res = calls.get(calls.repo + "/blobs/" + bad);
      assertThat(res.statusCode()).as(bad).isEqualTo(400);
      assertThat(code(res)).as(bad).isEqualTo("DIGEST_INVALID");
    }
    assertThat(code(calls.get(calls.repo + "/blobs/sha512:" + "a".repeat(128))))
        .isEqualTo("BLOB_UNKNOWN");
    assertThat(code(calls.get(calls.repo + "/blobs/notadigest"))).isEqualTo("DIGEST_INVALID");
    assertThat(code(calls.get(calls.repo + "/referrers/sha256:short"))).isEqualTo("DIGEST_INVALID");
    assertThat(calls.get(calls.repo + "/manifests/sha256:" + "0".repeat(64)).statusCode())
        .isEqualTo(404);
  }

  @Test
  void traversalAndOddShapesInNamesNeverReachALookup() {
    for (String path :
        List.of(
            "/v2/" + calls.fixture.project + "/%2e%2e/manifests/x",
            "/v2/" + calls.fixture.project + "/..%2fm/manifests/x",
            "/v2/" + "a".repeat(3000) + "/m/tags/list")) {
      RawHttp.Exchange ex = calls.raw("GET " + path, TestTokens.READER);
      assertThat(ex.statuses()).as(path).containsExactly(400);
      assertThat(ex.text()).as(path).contains("\"code\":\"NAME_INVALID\"");
    }
    // An empty segment or a NUL is refused by the transport before any route (problem+json 400).
    for (String path :
        List.of(
            "/v2/" + calls.fixture.project + "//m/manifests/x",
            "/v2/" + calls.fixture.project + "/m%00/tags/list")) {
      assertThat(calls.raw("GET " + path, TestTokens.READER).statuses())
          .as(path)
          .containsExactly(400);
    }
    for (String path :
        List.of(
            "/v2/" + calls.fixture.name() + "/extra/manifests/x",
            "/v2/m/manifests/x",
            "/v2/" + calls.fixture.project + "/no-such-model/tags/list")) {
      HttpResponse<byte[]> res = calls.get(path);
      assertThat(res.statusCode()).as(path).isEqualTo(404);
      assertThat(code(res)).as(path).isEqualTo("NAME_UNKNOWN");
    }
  }

  @Test
  void unknownTagsPendingVersionsAndInvisibleProjectsAreUnknown() {
    assertThat(code(calls.get(calls.repo + "/manifests/no-such-tag")))
        .isEqualTo("MANIFEST_UNKNOWN");
    assertThat(code(calls.get(calls.repo + "/manifests/bad%20tag"))).isEqualTo("MANIFEST_UNKNOWN");
    String pending =
        TestRegistryAccess.pending(calls.fixture.project, "pending content".getBytes()).version();
    assertThat(code(calls.get(calls.repo + "/manifests/" + pending))).isEqualTo("MANIFEST_UNKNOWN");
    HttpResponse<byte[]> elsewhere =
        send(calls.base, "GET", calls.repo + "/tags/list", TestTokens.OTHER_PROJECT, Map.of());
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
        header(calls.get(own + "/manifests/" + signed.high.version()), "Docker-Content-Digest");
    JsonNode listed = json(calls.get(own + "/referrers/" + subject)).get("manifests");
    assertThat(listed).hasSize(1);
    String referrer = listed.get(0).get("digest").asText();
    String layer = "sha256:" + Versions.sha256(bundle);
    assertThat(calls.get(own + "/blobs/" + layer).body()).isEqualTo(bundle);

    assertThat(code(calls.get(calls.repo + "/manifests/" + referrer)))
        .isEqualTo("MANIFEST_UNKNOWN");
    assertThat(code(calls.get(calls.repo + "/blobs/" + layer))).isEqualTo("BLOB_UNKNOWN");
    assertThat(code(calls.get(calls.repo + "/blobs/" + EMPTY)))
        .as("no signed version here")
        .isEqualTo("BLOB_UNKNOWN");
    assertThat(json(calls.get(calls.repo + "/referrers/" + subject)).get("manifests")).isEmpty();
    assertThat(json(calls.get(own + "/referrers/" + referrer)).get("manifests"))
        .as("a referrer has no referrers of its own")
        .isEmpty();
    assertThat(json(calls.get(own + "/referrers/sha256:" + "0".repeat(64))).get("manifests"))
        .isEmpty();
    HttpResponse<byte[]> elsewhere =
        send(calls.base, "GET", own + "/manifests/" + referrer, TestTokens.OTHER_PROJECT, Map.of());
    assertThat(code(elsewhere)).isEqualTo("NAME_UNKNOWN");
    HttpResponse<byte[]> past =
        calls.get(own + "/blobs/" + layer, Map.of("Range", "bytes=" + bundle.length + "-"));
    assertThat(past.statusCode()).isEqualTo(416);
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
