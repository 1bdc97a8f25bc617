package dev.cairn.registry.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * Issue 28's must-show cases end to end over HTTP against a real registry, the part they share: a
 * fresh project that requires signatures on {@code production}, its model {@code m}, a CI key, and
 * the requests the cases make (a ready version, trusting a key, putting a signature, pointing an
 * alias). {@link SignatureAttachTest} and {@link RequiredSignatureTest} hold the cases.
 */
abstract class SignedProject {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> BUNDLE = Map.of("Content-Type", "application/json");

  final TestRegistry registry = TestRegistry.shared();
  final Http http = registry.http();
  final CairnClient admin = registry.client(TestTokens.ADMIN);
  final TestSigner ci = TestSigner.generate();
  String p;
  String model;

  @BeforeEach
  void project() {
    p = TestRegistry.uniqueProject("signed");
    admin.projects().create(new ProjectCreate(p, null, new Policies(false, 0, true, true)));
    admin.models().create(p, ModelCreate.named("m"));
    model = "/api/v1/projects/" + p + "/models/m";
  }

  Version ready(String content) {
    return Versions.ready(admin, p, "m", "default", content);
  }

  static Map<String, String> files(Version v) {
    return Map.of(v.files().get(0).path(), v.files().get(0).sha256());
  }

  void trust(TestSigner signer) {
    HttpResponse<String> res = http.send("PUT", trust(), TestTokens.ADMIN, signer.policy("ci"));
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
  }

  String trust() {
    return "/api/v1/projects/" + p + "/trust";
  }

  String version(Version v) {
    return model + "/versions/" + v.version();
  }

  String signature(Version v) {
    return version(v) + "/signature";
  }

  HttpResponse<String> sign(Version v, byte[] bundle) {
    return http.sendBytes("PUT", signature(v), TestTokens.PUBLISHER, bundle, BUNDLE);
  }

  HttpResponse<String> point(String alias, Version v) {
    return http.send(
        "PUT",
        model + "/aliases/" + alias,
        TestTokens.ADMIN,
        "{\"version\":\"" + v.version() + "\",\"reason\":\"test\"}");
  }

  static JsonNode expect(HttpResponse<String> res, int status, String code) throws Exception {
    assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
    JsonNode problem = JSON.readTree(res.body());
    assertThat(problem.get("code").asText()).isEqualTo(code);
    return problem;
  }
}
