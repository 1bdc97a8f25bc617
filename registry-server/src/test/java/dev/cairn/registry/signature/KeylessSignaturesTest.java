package dev.cairn.registry.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.FileDeclaration;
import dev.cairn.client.model.ModelCreate;
import dev.cairn.client.model.Policies;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionCreate;
import dev.cairn.registry.testing.Http;
import dev.cairn.registry.testing.KeylessVector;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 28, keyless over HTTP: the OMS {@code valid/sigstore.bundle.json} vector over the reference
 * model's {@code signme-1}/{@code signme-2}. A registry given {@code CAIRN_SIGSTORE_TRUSTED_ROOT}
 * accepts it when the project trusts the signing identity and refuses it {@code
 * SIGNATURE_UNTRUSTED} when it does not; a registry without the setting refuses it naming the
 * setting.
 */
class KeylessSignaturesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestRegistry withRoot;

  @BeforeAll
  static void start() {
    withRoot =
        TestRegistry.start(
            Map.of("CAIRN_SIGSTORE_TRUSTED_ROOT", KeylessVector.TRUSTED_ROOT.toString()));
  }

  @AfterAll
  static void stop() {
    withRoot.close();
  }

  @Test
  void aTrustedIdentityIsAcceptedAndRecordedAsTheSigner() throws Exception {
    Signed signed = signKeyless(withRoot, KeylessVector.SAN, KeylessVector.ISSUER);
    assertThat(signed.response().statusCode()).as(signed.response().body()).isEqualTo(201);
    JsonNode body = JSON.readTree(signed.response().body());
    assertThat(body.get("method").asText()).isEqualTo("sigstore");
    assertThat(body.get("signer").asText()).isEqualTo(KeylessVector.SIGNER);
    assertThat(body.get("trusted").asBoolean()).isTrue();
  }

  @Test
  void anIdentityTheProjectDoesNotTrustIsRefused() throws Exception {
    Signed signed = signKeyless(withRoot, "someone@example.com", KeylessVector.ISSUER);
    JsonNode problem = problem(signed, "SIGNATURE_UNTRUSTED");
    assertThat(problem.get("detail").asText())
        .contains(KeylessVector.SAN, "not a trusted identity");
  }

  @Test
  void withoutTheSettingKeylessIsRefusedNamingIt() throws Exception {
    Signed signed = signKeyless(TestRegistry.shared(), KeylessVector.SAN, KeylessVector.ISSUER);
    JsonNode problem = problem(signed, "SIGNATURE_UNTRUSTED");
    assertThat(problem.get("detail").asText())
        .contains("no Sigstore trusted root", "CAIRN_SIGSTORE_TRUSTED_ROOT");
  }

  private record Signed(String project, Version version, HttpResponse<String> response) {}

  /** A project trusting {@code san}+{@code issuer}, a version of the reference files, the PUT. */
  private static Signed signKeyless(TestRegistry registry, String san, String issuer)
      throws Exception {
    CairnClient admin = registry.client(TestTokens.ADMIN);
    Http http = registry.http();
    String p = TestRegistry.uniqueProject("keyless");
    admin.projects().create(new ProjectCreate(p, null, new Policies(false, 0, true, true)));
    admin.models().create(p, ModelCreate.named("m"));
    var trusted =
        http.send(
            "PUT",
            "/api/v1/projects/" + p + "/trust",
            TestTokens.ADMIN,
            JSON.writeValueAsString(
                Map.of("identities", List.of(Map.of("san", san, "issuer", issuer)))));
    assertThat(trusted.statusCode()).as(trusted.body()).isEqualTo(200);
    Version v = publishReferenceModel(admin, p);
    var response =
        http.sendBytes(
            "PUT",
            "/api/v1/projects/" + p + "/models/m/versions/" + v.version() + "/signature",
            TestTokens.PUBLISHER,
            KeylessVector.bundle(),
            Map.of("Content-Type", "application/json"));
    return new Signed(p, v, response);
  }

  /** A READY version whose files are exactly the reference model's {@code signme-1}, {@code -2}. */
  private static Version publishReferenceModel(CairnClient admin, String p) throws Exception {
    List<FileDeclaration> declared = new ArrayList<>();
    for (Map.Entry<String, String> file : KeylessVector.sha256s().entrySet()) {
      long size = Files.size(KeylessVector.MODEL.resolve(file.getKey()));
      declared.add(new FileDeclaration(file.getKey(), file.getValue(), size, null));
    }
    Version v =
        admin
            .versions()
            .create(
                p,
                "m",
                VersionCreate.ofFormat("generic").forVariant("default").withFiles(declared));
    for (FileDeclaration file : declared) {
      admin
          .versions()
          .upload(
              p,
              "m",
              v.version(),
              file.path(),
              KeylessVector.MODEL.resolve(file.path()),
              file.sha256());
    }
    return admin.versions().complete(p, "m", v.version());
  }

  private static JsonNode problem(Signed signed, String code) throws Exception {
    assertThat(signed.response().statusCode()).as(signed.response().body()).isEqualTo(422);
    JsonNode problem = JSON.readTree(signed.response().body());
    assertThat(problem.get("code").asText()).isEqualTo(code);
    return problem;
  }
}
