package dev.cairn.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.signing.RequestSignature;
import dev.cairn.client.signing.SigningKey;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Signed requests built by hand, as an attacker or a careful client would, against one project. */
final class SignedCalls {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final TestRegistry registry;
  private final String project;

  SignedCalls(TestRegistry registry, String project) {
    this.registry = registry;
    this.project = project;
  }

  /** A fresh project for the calls, created by the admin. */
  static SignedCalls inNewProject(TestRegistry registry) {
    String project = TestRegistry.uniqueProject("signed");
    registry.http().post("/api/v1/projects", TestTokens.ADMIN, "{\"name\":\"" + project + "\"}");
    return new SignedCalls(registry, project);
  }

  String project() {
    return project;
  }

  /** POST of a model, signed over {@code signedBody} at {@code date}, sending {@code sentBody}. */
  HttpRequest signed(SigningKey key, Instant date, String signedBody, String sentBody)
      throws Exception {
    return signed(
        key,
        date,
        "POST",
        "/api/v1/projects/" + project + "/models",
        Map.of("content-type", "application/json"),
        Map.of("Content-Type", "application/json"),
        signedBody,
        sentBody == null ? signedBody : sentBody);
  }

  /**
   * A request signed over {@code signedHeaders} (lowercase names of the optional signed headers)
   * and {@code signedBody}, sent with {@code sentHeaders} and {@code sentBody}; a fresh nonce.
   */
  HttpRequest signed(
      SigningKey key,
      Instant date,
      String method,
      String path,
      Map<String, String> signedHeaders,
      Map<String, String> sentHeaders,
      String signedBody,
      String sentBody)
      throws Exception {
    String digest = sha256(signedBody);
    String when = date.truncatedTo(ChronoUnit.SECONDS).toString();
    String nonce = RequestSignature.newNonce();
    SortedMap<String, String> covered = new TreeMap<>(signedHeaders);
    covered.put("x-cairn-date", when);
    covered.put("x-cairn-nonce", nonce);
    covered.put("x-checksum-sha256", digest);
    String signature =
        RequestSignature.hmac(
            key.secretBytes(), RequestSignature.canonical(method, path, null, covered));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(registry.uri() + path))
            .header(RequestSignature.DATE_HEADER, when)
            .header(RequestSignature.NONCE_HEADER, nonce)
            .header(RequestSignature.DIGEST_HEADER, digest)
            .header(
                "Authorization",
                new RequestSignature.Header(
                        key.keyId(), RequestSignature.signedHeaders(covered.keySet()), signature)
                    .value())
            .method(method, HttpRequest.BodyPublishers.ofString(sentBody));
    sentHeaders.forEach(request::header);
    return request.build();
  }

  /** {@code original} with every header kept and another body. */
  static HttpRequest tamperedCopy(HttpRequest original, String body) {
    HttpRequest.Builder copy =
        HttpRequest.newBuilder(original.uri())
            .method(original.method(), HttpRequest.BodyPublishers.ofString(body));
    original.headers().map().forEach((name, values) -> values.forEach(v -> copy.header(name, v)));
    return copy.build();
  }

  static Map<String, String> with(Map<String, String> headers, String name, String value) {
    Map<String, String> changed = new LinkedHashMap<>(headers);
    changed.put(name, value);
    return changed;
  }

  static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  static String model(String name) {
    return "{\"name\":\"" + name + "\"}";
  }

  void assertNoModel(String name) {
    assertThat(
            registry
                .http()
                .get("/api/v1/projects/" + project + "/models/" + name, TestTokens.ADMIN)
                .statusCode())
        .isEqualTo(404);
  }
}
