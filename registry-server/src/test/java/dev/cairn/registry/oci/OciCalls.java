package dev.cairn.registry.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.registry.testing.RawHttp;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Requests to one repository's {@code /v2/} paths as a reader, and what the OCI conformance and
 * hostile tests read from the answers: the distribution spec's error code, JSON bodies, the largest
 * layer of a manifest. A raw socket request is there for what {@code HttpClient} will not send.
 */
public final class OciCalls {

  public static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  public final URI base;

  /** What is published in the repository. */
  public final OciFixture fixture;

  /** {@code /v2/<project>/<model>}. */
  public final String repo;

  public OciCalls(URI base, OciFixture fixture) {
    this.base = base;
    this.fixture = fixture;
    this.repo = "/v2/" + fixture.name();
  }

  /** {@link OciFixture#publish} in a fresh project of {@code registry}, and calls to it. */
  public static OciCalls published(TestRegistry registry, String prefix) {
    return new OciCalls(registry.uri(), OciFixture.publish(registry, prefix));
  }

  /** GET {@code path} (from the root) as the reader. */
  public HttpResponse<byte[]> get(String path) {
    return get(path, Map.of());
  }

  public HttpResponse<byte[]> get(String path, Map<String, String> headers) {
    return OciFixture.send(base, "GET", path, TestTokens.READER, headers);
  }

  /** {@code method} on the blob {@code digest} of this repository, as the reader. */
  public HttpResponse<byte[]> blob(String method, String digest, Map<String, String> headers) {
    return OciFixture.send(base, method, repo + "/blobs/" + digest, TestTokens.READER, headers);
  }

  /** {@code method} on the manifest {@code reference}, accepting an OCI image manifest. */
  public HttpResponse<byte[]> manifest(String method, String reference) {
    return OciFixture.send(
        base,
        method,
        repo + "/manifests/" + reference,
        TestTokens.READER,
        Map.of("Accept", MANIFEST));
  }

  /** A request line and headers sent as they are ({@code Host} added when missing). */
  public RawHttp.Exchange raw(String requestLine, String token, String... headers) {
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

  public static JsonNode json(HttpResponse<byte[]> res) {
    try {
      return JSON.readTree(res.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The distribution spec's error code of a refusal ({@code errors[0].code}). */
  public static String code(HttpResponse<byte[]> res) {
    return json(res).at("/errors/0/code").asText();
  }

  /** The layer of {@code manifest} with the most bytes (the one worth asking ranges of). */
  public static JsonNode largestLayer(JsonNode manifest) {
    JsonNode largest = manifest.at("/layers/0");
    for (JsonNode layer : manifest.get("layers")) {
      if (layer.get("size").asLong() > largest.get("size").asLong()) {
        largest = layer;
      }
    }
    return largest;
  }

  public static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
