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
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.registry.testing.Versions;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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

  static final Path OMS = Path.of("../model-signing/src/test/resources/oms-v1.0");
  static final Path TRUSTED_ROOT = OMS.resolve("sigstore-java/trusted_root.json");
  static final Path BUNDLE = OMS.resolve("test-vectors/v1.0/valid/sigstore.bundle.json");
  static final Path MODEL = OMS.resolve("model-transparency/scripts/tests/v1.1.0-sigstore");
  static final String SAN = "stefanb@us.ibm.com";
  static final String ISSUER = "https://sigstore.verify.ibm.com/oauth2";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestRegistry withRoot;

  @BeforeAll
  static void start() {
    withRoot = TestRegistry.start(Map.of("CAIRN_SIGSTORE_TRUSTED_ROOT", TRUSTED_ROOT.toString()));
  }

  @AfterAll
  static void stop() {
    withRoot.close();
  }

  @Test
  void aTrustedIdentityIsAcceptedAndRecordedAsTheSigner() throws Exception {
    Signed signed = signKeyless(withRoot, SAN, ISSUER);
    assertThat(signed.response().statusCode()).as(signed.response().body()).isEqualTo(201);
    JsonNode body = JSON.readTree(signed.response().body());
    assertThat(body.get("method").asText()).isEqualTo("sigstore");
    assertThat(body.get("signer").asText()).isEqualTo(SAN + " (" + ISSUER + ")");
    assertThat(body.get("trusted").asBoolean()).isTrue();
  }

  @Test
  void anIdentityTheProjectDoesNotTrustIsRefused() throws Exception {
    Signed signed = signKeyless(withRoot, "someone@example.com", ISSUER);
    JsonNode problem = problem(signed, "SIGNATURE_UNTRUSTED");
    assertThat(problem.get("detail").asText()).contains(SAN, "not a trusted identity");
  }

  @Test
  void withoutTheSettingKeylessIsRefusedNamingIt() throws Exception {
    Signed signed = signKeyless(TestRegistry.shared(), SAN, ISSUER);
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
            Files.readAllBytes(BUNDLE),
            Map.of("Content-Type", "application/json"));
    return new Signed(p, v, response);
  }

  /** A READY version whose files are exactly the reference model's {@code signme-1}, {@code -2}. */
  static Version publishReferenceModel(CairnClient admin, String p) throws Exception {
    List<FileDeclaration> declared = new ArrayList<>();
    for (String name : List.of("signme-1", "signme-2")) {
      byte[] bytes = Files.readAllBytes(MODEL.resolve(name));
      declared.add(new FileDeclaration(name, Versions.sha256(bytes), (long) bytes.length, null));
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
          .upload(p, "m", v.version(), file.path(), MODEL.resolve(file.path()), file.sha256());
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
