package dev.cairn.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.signing.ModelSigner;
import dev.cairn.signing.Pem;
import dev.cairn.signing.SignatureRefusal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;

/**
 * The registry's signature endpoints as the issue-28 contract writes them, called over plain HTTP
 * with the admin token (the operator itself goes through registry-client), and ECDSA keys that sign
 * as {@code cairn version sign} does.
 */
final class RegistrySignatureCalls {

  private final URI registry;
  private final String token;
  private final HttpClient http = HttpClient.newHttpClient();

  RegistrySignatureCalls(URI registry, String token) {
    this.registry = registry;
    this.token = token;
  }

  /** A fresh P-256 key pair. */
  static KeyPair key() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An OMS v1.0 {@code model.sig} over {@code files} (path to SHA-256), signed by {@code key}. */
  static byte[] sign(KeyPair key, String model, Map<String, String> files) {
    try {
      return new ModelSigner(key.getPrivate(), key.getPublic()).sign(model, files, List.of());
    } catch (SignatureRefusal e) {
      throw new IllegalStateException(e);
    }
  }

  static String hint(KeyPair key) {
    return Pem.hint(key.getPublic());
  }

  /** {@code PUT /projects/{p}/trust} with the named public keys. */
  void trustKeys(String project, Map<String, KeyPair> keys) {
    StringBuilder list = new StringBuilder();
    keys.forEach(
        (name, key) ->
            list.append(list.isEmpty() ? "" : ",")
                .append("{\"name\":\"")
                .append(name)
                .append("\",\"pem\":\"")
                .append(Pem.publicKeyPem(key.getPublic()).replace("\n", "\\n"))
                .append("\"}"));
    String body = "{\"keys\":[" + list + "],\"roots\":[],\"identities\":[]}";
    expect(send("PUT", "/api/v1/projects/" + project + "/trust", "application/json", body), 200);
  }

  /** {@code PATCH /projects/{p}} setting {@code policies.require_signature}. */
  void requireSignature(String project) {
    String body = "{\"policies\":{\"require_signature\":true}}";
    expect(send("PATCH", "/api/v1/projects/" + project, "application/json", body), 200);
  }

  /** {@code PUT …/versions/{v}/signature}; the answer's status. */
  int attach(String project, String model, String version, byte[] bundle) {
    return send(
            "PUT",
            "/api/v1/projects/"
                + project
                + "/models/"
                + model
                + "/versions/"
                + version
                + "/signature",
            "application/vnd.dev.sigstore.bundle.v0.3+json",
            bundle)
        .statusCode();
  }

  /** {@code GET …/versions/{v}/signature}: the stored bytes, or null on 404. */
  byte[] stored(String project, String model, String version) {
    HttpResponse<byte[]> answer =
        send(
            "GET",
            "/api/v1/projects/"
                + project
                + "/models/"
                + model
                + "/versions/"
                + version
                + "/signature",
            null,
            (byte[]) null);
    return answer.statusCode() == 404 ? null : expect(answer, 200).body();
  }

  private HttpResponse<byte[]> send(String method, String path, String type, String body) {
    return send(method, path, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<byte[]> send(String method, String path, String type, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(registry.resolve(path))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<byte[]> expect(HttpResponse<byte[]> answer, int status) {
    assertThat(answer.statusCode())
        .as(answer.request().method() + " " + answer.uri() + ": " + new String(answer.body()))
        .isEqualTo(status);
    return answer;
  }
}
