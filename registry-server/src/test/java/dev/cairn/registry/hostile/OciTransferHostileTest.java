package dev.cairn.registry.hostile;

import static dev.cairn.registry.oci.OciCalls.code;
import static dev.cairn.registry.oci.OciCalls.json;
import static dev.cairn.registry.oci.OciCalls.largestLayer;
import static dev.cairn.registry.oci.OciFixture.header;
import static dev.cairn.registry.oci.OciFixture.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.registry.oci.OciCalls;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile requests for how the OCI pull API under {@code /v2/} answers (issue 29 item 5): huge,
 * negative and non-numeric page sizes, malformed and unsatisfiable ranges, HEAD against GET (a HEAD
 * answer carries no body), and every push and delete. Each refusal is the distribution spec's error
 * JSON with its code, never a 500.
 */
class OciTransferHostileTest {

  private static OciCalls calls;

  @BeforeAll
  static void publish() {
    calls = OciCalls.published(TestRegistry.shared(), "oci-transfer");
  }

  @Test
  void hugeNegativeAndNonNumericPageSizes() throws Exception {
    HttpResponse<byte[]> huge = calls.get(calls.repo + "/tags/list?n=99999999999999999");
    assertThat(huge.statusCode()).isEqualTo(200);
    assertThat(json(huge).get("tags")).hasSize(4);
    HttpResponse<byte[]> zero = calls.get(calls.repo + "/tags/list?n=0");
    assertThat(json(zero).get("tags")).isEmpty();
    assertThat(header(zero, "Link")).isNull();
    for (String n : List.of("-1", "abc", "1e3", "99999999999999999999999")) {
      HttpResponse<byte[]> res = calls.get(calls.repo + "/tags/list?n=" + n);
      assertThat(res.statusCode()).as(n).isEqualTo(400);
      assertThat(code(res)).as(n).isEqualTo("PAGINATION_NUMBER_INVALID");
    }
    HttpResponse<byte[]> pastEverything = calls.get(calls.repo + "/tags/list?last=zzzz");
    assertThat(json(pastEverything).get("tags")).isEmpty();
  }

  @Test
  void malformedRangesAreAnsweredWholeAndRangesPastTheEndAre416() throws Exception {
    JsonNode layer = largestLayer(json(calls.get(calls.repo + "/manifests/production")));
    String path = calls.repo + "/blobs/" + layer.get("digest").asText();
    long size = layer.get("size").asLong();
    for (String range : List.of("bytes=abc", "lines=0-5", "bytes=0-1,4-5", "bytes")) {
      HttpResponse<byte[]> res = calls.get(path, Map.of("Range", range));
      assertThat(res.statusCode()).as(range).isEqualTo(200);
      assertThat((long) res.body().length).as(range).isEqualTo(size);
    }
    for (String range : List.of("bytes=" + size + "-", "bytes=5-2", "bytes=-0")) {
      HttpResponse<byte[]> res = calls.get(path, Map.of("Range", range));
      assertThat(res.statusCode()).as(range).isEqualTo(416);
      assertThat(header(res, "Content-Range")).as(range).isEqualTo("bytes */" + size);
    }
    HttpResponse<byte[]> tail = calls.get(path, Map.of("Range", "bytes=-5"));
    assertThat(tail.statusCode()).isEqualTo(206);
    assertThat(tail.body()).hasSize(5);
  }

  @Test
  void headAnswersGetsHeadersWithoutABody() {
    for (String path :
        List.of(
            calls.repo + "/manifests/production",
            calls.repo
                + "/blobs/"
                + largestLayer(json(calls.get(calls.repo + "/manifests/production")))
                    .get("digest")
                    .asText(),
            calls.repo + "/tags/list")) {
      HttpResponse<byte[]> get = calls.get(path);
      HttpResponse<byte[]> head = send(calls.base, "HEAD", path, TestTokens.READER, Map.of());
      assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode()).isEqualTo(200);
      assertThat(head.body()).as(path).isEmpty();
      assertThat(header(head, "Content-Length")).isEqualTo(String.valueOf(get.body().length));
      assertThat(header(head, "Docker-Content-Digest"))
          .isEqualTo(header(get, "Docker-Content-Digest"));
    }
    HttpResponse<byte[]> missing =
        send(calls.base, "HEAD", calls.repo + "/manifests/nope", TestTokens.READER, Map.of());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).isEmpty();
  }

  @Test
  void everyPushAndDeleteIsUnsupported() {
    for (String[] call :
        List.of(
            new String[] {"PUT", calls.repo + "/manifests/new"},
            new String[] {"DELETE", calls.repo + "/manifests/production"},
            new String[] {"POST", calls.repo + "/blobs/uploads/"},
            new String[] {"PATCH", calls.repo + "/blobs/uploads/some-id"},
            new String[] {
              "PUT", calls.repo + "/blobs/uploads/some-id?digest=sha256:" + "a".repeat(64)
            },
            new String[] {"DELETE", calls.repo + "/blobs/sha256:" + "a".repeat(64)},
            new String[] {"GET", calls.repo + "/blobs/uploads/some-id"})) {
      HttpResponse<byte[]> res = send(calls.base, call[0], call[1], TestTokens.ADMIN, Map.of());
      assertThat(res.statusCode()).as(call[0] + " " + call[1]).isEqualTo(405);
      assertThat(header(res, "Allow")).isEqualTo("GET, HEAD");
      assertThat(code(res)).isEqualTo("UNSUPPORTED");
    }
    assertThat(send(calls.base, "PUT", calls.repo + "/manifests/new", null, Map.of()).statusCode())
        .isEqualTo(401);
  }
}
