package dev.cairn.registry.oci;

import static dev.cairn.registry.oci.OciCalls.MANIFEST;
import static dev.cairn.registry.oci.OciFixture.header;
import static dev.cairn.registry.oci.OciFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.Versions;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The discovery section of the OCI distribution-spec conformance suite (v1.1.1, the tag listing and
 * referrers cases of {@code conformance/03_discovery_test.go}), ported against a published version:
 * tags paged with {@code n} and {@code last} and their {@code Link}, the referrers index of an
 * unknown and a known digest, and a signed version's signature as its one referrer, served by
 * digest. Blobs and manifests are {@link OciPullConformanceTest}'s.
 */
class OciDiscoveryConformanceTest {

  private static final String SIGSTORE = "application/vnd.dev.sigstore.bundle.v0.3+json";
  private static final String DUMMY_DIGEST = "sha256:" + Versions.sha256("nonexistent".getBytes());
  private static final ObjectMapper JSON = new ObjectMapper();

  private static OciCalls calls;
  private static String manifestDigest;

  @BeforeAll
  static void publish() {
    calls = OciCalls.published(TestRegistry.shared(), "oci-discovery");
    manifestDigest =
        header(calls.manifest("GET", calls.fixture.high.version()), "Docker-Content-Digest");
  }

  @Test
  void tagsListIs200AndPagesWithNAndLast() throws Exception {
    HttpResponse<byte[]> all = calls.get(calls.repo + "/tags/list");
    assertThat(all.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(all.body());
    assertThat(body.get("name").asText()).isEqualTo(calls.fixture.name());
    List<String> tags = new ArrayList<>();
    body.get("tags").forEach(t -> tags.add(t.asText()));
    assertThat(tags)
        .containsExactlyInAnyOrder(
            calls.fixture.high.version(),
            calls.fixture.low.version(),
            "production",
            "production-LOW")
        .isSorted();
    int n = tags.size() - 1;
    HttpResponse<byte[]> first = calls.get(calls.repo + "/tags/list?n=" + n);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(first.body()).get("tags")).hasSize(n);
    assertThat(header(first, "Link"))
        .isEqualTo(
            "</v2/"
                + calls.fixture.name()
                + "/tags/list?n="
                + n
                + "&last="
                + tags.get(n - 1)
                + ">; rel=\"next\"");
    HttpResponse<byte[]> rest =
        calls.get(calls.repo + "/tags/list?n=" + n + "&last=" + tags.get(n - 1));
    assertThat(rest.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(rest.body()).get("tags").get(0).asText()).isEqualTo(tags.get(n));
    assertThat(JSON.readTree(rest.body()).get("tags")).hasSize(1);
    assertThat(header(rest, "Link")).isNull();
  }

  @Test
  void referrersOfAnUnknownDigestAreAnEmptyIndex() throws Exception {
    HttpResponse<byte[]> res = calls.get(calls.repo + "/referrers/" + DUMMY_DIGEST);
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(header(res, "Content-Type")).isEqualTo("application/vnd.oci.image.index.v1+json");
    JsonNode index = JSON.readTree(res.body());
    assertThat(index.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(index.get("manifests")).isEmpty();
  }

  @Test
  void referrersOfAManifestAreAnIndexAndSayWhichFilterApplied() throws Exception {
    HttpResponse<byte[]> res =
        calls.get(
            "/v2/"
                + calls.fixture.name()
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
    byte[] bundle = calls.fixture.sign(TestRegistry.shared(), calls.fixture.low);
    String subject =
        header(calls.manifest("GET", calls.fixture.low.version()), "Docker-Content-Digest");
    String referrers = calls.repo + "/referrers/" + subject;
    JsonNode index = JSON.readTree(calls.get(referrers).body());
    assertThat(index.get("manifests")).hasSize(1);
    JsonNode listed = index.get("manifests").get(0);
    assertThat(listed.get("mediaType").asText()).isEqualTo(MANIFEST);
    assertThat(listed.get("artifactType").asText()).isEqualTo(SIGSTORE);

    String digest = listed.get("digest").asText();
    HttpResponse<byte[]> got = calls.manifest("GET", digest);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(header(got, "Content-Type")).isEqualTo(MANIFEST);
    assertThat(header(got, "Docker-Content-Digest")).isEqualTo(digest);
    assertThat("sha256:" + Versions.sha256(got.body())).isEqualTo(digest);
    assertThat((long) got.body().length).isEqualTo(listed.get("size").asLong());
    assertThat(calls.manifest("HEAD", digest).statusCode()).isEqualTo(200);
    JsonNode referrer = JSON.readTree(got.body());
    assertThat(referrer.get("artifactType").asText()).isEqualTo(SIGSTORE);
    assertThat(referrer.get("subject").get("digest").asText()).isEqualTo(subject);
    assertThat(listed.get("annotations")).isEqualTo(referrer.get("annotations"));
    assertThat(referrer.get("annotations").get("org.opencontainers.image.created")).isNotNull();

    JsonNode config = referrer.get("config");
    assertThat(config.get("mediaType").asText()).isEqualTo("application/vnd.oci.empty.v1+json");
    HttpResponse<byte[]> empty = calls.blob("GET", config.get("digest").asText(), Map.of());
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(text(empty)).isEqualTo("{}");
    JsonNode layer = referrer.get("layers").get(0);
    assertThat(layer.get("mediaType").asText()).isEqualTo(SIGSTORE);
    assertThat(layer.get("annotations").get("org.opencontainers.image.title").asText())
        .isEqualTo("model.sig");
    HttpResponse<byte[]> layerBytes = calls.blob("GET", layer.get("digest").asText(), Map.of());
    assertThat(layerBytes.statusCode()).isEqualTo(200);
    assertThat(layerBytes.body()).isEqualTo(bundle);

    JsonNode filtered =
        JSON.readTree(calls.get(referrers + "?artifactType=application/vnd.example%2Bjson").body());
    assertThat(filtered.get("manifests")).isEmpty();
    assertThat(calls.manifest("GET", digest).body()).as("deterministic").isEqualTo(got.body());
  }
}
