package dev.cairn.registry.hostile;

import static dev.cairn.registry.hostile.HostileJson.assertProblem;
import static dev.cairn.registry.hostile.HostileJson.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.registry.signature.TestSigner;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input to issue 28's endpoints: trust policies and {@code model.sig} bundles that are
 * oversized, malformed, ambiguous (duplicate keys), of the wrong type, or sent twice at once. Each
 * is a 4xx problem and nothing is stored.
 */
class SignatureHostileTest {

  private static final Map<String, String> JSON_TYPE = Map.of("Content-Type", "application/json");

  private final TestRegistry registry = TestRegistry.shared();
  private final Http http = registry.http();
  private final CairnClient admin = registry.client(TestTokens.ADMIN);
  private final TestSigner signer = TestSigner.generate();
  private String trust;
  private String signature;
  private Version version;

  @BeforeEach
  void project() {
    String p = TestRegistry.uniqueProject("hostile-sig");
    admin.projects().create(ProjectCreate.named(p));
    admin.models().create(p, ModelCreate.named("m"));
    version = Versions.ready(admin, p, "m", "default", "weights");
    trust = "/api/v1/projects/" + p + "/trust";
    signature = "/api/v1/projects/" + p + "/models/m/versions/" + version.version() + "/signature";
  }

  @Test
  void anOversizedTrustPolicyIs413() {
    String body = "{\"keys\":[],\"identities\":[" + "{},".repeat(400_000) + "{}]}";
    assertProblem(http.send("PUT", trust, TestTokens.ADMIN, body), 413, "PAYLOAD_TOO_LARGE");
    assertTrustVersion(0);
  }

  @Test
  void malformedOrAmbiguousTrustPoliciesAre400AndChangeNothing() {
    for (String body :
        List.of(
            "{\"keys\":[",
            "[]",
            "{\"keys\":[],\"keys\":[" + key("twice") + "]}",
            "{\"keys\":[{\"name\":\"a\",\"pem\":\"not a key\"}]}",
            "{\"keys\":[" + key("same") + "," + key("same") + "]}",
            "{\"roots\":[{\"name\":\"r\",\"pem\":\"-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\\n\"}]}",
            "{\"identities\":[{\"san\":\"a@b\"}]}",
            "{\"keys\":[],\"extra\":1}",
            "{\"keys\":[{\"name\":\"huge\",\"pem\":\"" + "A".repeat(70_000) + "\"}]}")) {
      assertProblem(http.send("PUT", trust, TestTokens.ADMIN, body), 400, "BAD_REQUEST");
    }
    assertTrustVersion(0);
  }

  @Test
  void aTrustPolicyOfAnotherTypeIs415() {
    HttpResponse<String> res =
        http.send(
            "PUT",
            trust,
            TestTokens.ADMIN,
            signer.policy("k"),
            Map.of("Content-Type", "text/plain"));
    assertProblem(res, 415, "UNSUPPORTED_MEDIA_TYPE");
    assertTrustVersion(0);
  }

  @Test
  void bundlesThatAreNotBundlesAre422SignatureInvalidAndNothingIsStored() {
    trusted();
    String good = new String(signer.sign(files()), StandardCharsets.UTF_8);
    for (String body :
        List.of(
            "not json at all",
            "{}",
            "{\"mediaType\":\"x\",\"mediaType\":\"y\"}",
            good.replaceFirst(
                "\\{", "{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\","),
            good + "trailing")) {
      assertProblem(put(body.getBytes(StandardCharsets.UTF_8)), 422, "SIGNATURE_INVALID");
    }
    assertProblem(http.get(signature, TestTokens.READER), 404, "SIGNATURE_NOT_FOUND");
  }

  @Test
  void anOversizedBundleIs413AndABundleOfAnotherTypeIs415() {
    trusted();
    byte[] huge =
        ("{\"x\":\"" + "a".repeat(4 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
    assertProblem(put(huge), 413, "PAYLOAD_TOO_LARGE");
    assertProblem(
        http.sendBytes(
            "PUT",
            signature,
            TestTokens.PUBLISHER,
            signer.sign(files()),
            Map.of("Content-Type", "application/octet-stream")),
        415,
        "UNSUPPORTED_MEDIA_TYPE");
    assertProblem(http.get(signature, TestTokens.READER), 404, "SIGNATURE_NOT_FOUND");
  }

  @Test
  void twoDifferentSignaturesAtOnceHaveOneWinner() throws Exception {
    trusted();
    byte[] first = signer.sign(files());
    byte[] second = signer.sign(files());
    assertThat(first).isNotEqualTo(second);
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (byte[] bundle : List.of(first, second)) {
      calls.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return put(bundle);
              }));
    }
    start.countDown();
    List<Integer> statuses = calls.stream().map(c -> c.join().statusCode()).sorted().toList();
    assertThat(statuses).containsExactly(201, 409);
    assertThat(http.get(signature, TestTokens.READER).statusCode()).isEqualTo(200);
  }

  @Test
  void twoTrustPoliciesAtOnceGetTwoVersions() {
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      calls.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return http.send("PUT", trust, TestTokens.ADMIN, signer.policy("k"));
              }));
    }
    start.countDown();
    List<Long> versions =
        calls.stream().map(c -> parse(c.join().body()).get("version").asLong()).sorted().toList();
    assertThat(versions).containsExactly(1L, 2L);
  }

  private void trusted() {
    assertThat(http.send("PUT", trust, TestTokens.ADMIN, signer.policy("ci")).statusCode())
        .isEqualTo(200);
  }

  private Map<String, String> files() {
    return Map.of(version.files().get(0).path(), version.files().get(0).sha256());
  }

  private HttpResponse<String> put(byte[] bundle) {
    return http.sendBytes("PUT", signature, TestTokens.PUBLISHER, bundle, JSON_TYPE);
  }

  private String key(String name) {
    return "{\"name\":\"" + name + "\",\"pem\":\"" + signer.pem().replace("\n", "\\n") + "\"}";
  }

  private void assertTrustVersion(long expected) {
    assertThat(parse(http.get(trust, TestTokens.READER).body()).get("version").asLong())
        .isEqualTo(expected);
  }
}
