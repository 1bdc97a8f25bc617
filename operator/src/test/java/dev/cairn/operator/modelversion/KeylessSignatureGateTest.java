package dev.cairn.operator.modelversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.operator.OperatorSettings;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.signing.SignatureRefusal;
import dev.cairn.signing.SigstoreTrustedRoots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 28, keyless in the operator: with {@code CAIRN_SIGSTORE_TRUSTED_ROOT} the signature step
 * verifies the OMS {@code valid/sigstore.bundle.json} vector over the reference files for the
 * identity of the project's trust policy; without it the refusal names the setting; a file that is
 * no trusted root stops the start.
 */
class KeylessSignatureGateTest {

  static final Path OMS = Path.of("../model-signing/src/test/resources/oms-v1.0");
  static final Path TRUSTED_ROOT = OMS.resolve("sigstore-java/trusted_root.json");
  static final Path MODEL = OMS.resolve("model-transparency/scripts/tests/v1.1.0-sigstore");
  static final String SAN = "stefanb@us.ibm.com";
  static final String ISSUER = "https://sigstore.verify.ibm.com/oauth2";

  private static final TestRegistry registry = TestRegistry.shared();
  private static CairnClient admin;
  private static String project;

  @TempDir Path dir;

  @BeforeAll
  static void trustTheIdentity() {
    admin = registry.client(TestTokens.ADMIN);
    project = TestRegistry.uniqueProject("keyless-op");
    admin.projects().create(ProjectCreate.named(project));
    ObjectNode policy = new ObjectMapper().createObjectNode();
    policy.putArray("keys");
    policy.putArray("roots");
    policy.putArray("identities").addObject().put("san", SAN).put("issuer", ISSUER);
    admin.signatures().putTrust(project, policy);
  }

  @Test
  void withTheRootTheKeylessVectorVerifiesForThePolicysIdentity() throws Exception {
    SignatureGate gate =
        new SignatureGate(
            admin,
            new SourceFetcher(List.of()),
            Optional.of(SigstoreTrustedRoots.read(TRUSTED_ROOT)));

    SignatureGate.Signed signed = gate.verify(project, bundle(), files());

    assertThat(signed.signature().signer()).isEqualTo(SAN + " (" + ISSUER + ")");
  }

  @Test
  void withoutTheRootKeylessIsRefusedNamingTheSetting() throws Exception {
    SignatureGate gate = new SignatureGate(admin, new SourceFetcher(List.of()), Optional.empty());

    assertThatThrownBy(() -> gate.verify(project, bundle(), files()))
        .isInstanceOfSatisfying(
            SignatureRefusal.class,
            r -> {
              assertThat(r.wireCode()).isEqualTo("SIGNATURE_UNTRUSTED");
              assertThat(r.detail()).contains("CAIRN_SIGSTORE_TRUSTED_ROOT");
            });
  }

  @Test
  void theSettingIsReadAtStartAndABadFileStopsIt() throws Exception {
    assertThat(settings(Map.of("CAIRN_SIGSTORE_TRUSTED_ROOT", TRUSTED_ROOT.toString())))
        .extracting(s -> s.sigstoreTrustedRoot().orElseThrow())
        .isEqualTo(Files.readAllBytes(TRUSTED_ROOT));
    Path bad = Files.writeString(dir.resolve("root.json"), "{\"mediaType\":\"x\"}");
    assertThatThrownBy(() -> settings(Map.of("CAIRN_SIGSTORE_TRUSTED_ROOT", bad.toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("CAIRN_SIGSTORE_TRUSTED_ROOT: " + bad);
    assertThat(OperatorSettings.VARIABLES).contains("CAIRN_SIGSTORE_TRUSTED_ROOT");
  }

  private static OperatorSettings settings(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(extra);
    env.put("CAIRN_REGISTRY_URL", "http://127.0.0.1:9");
    env.put("CAIRN_REGISTRY_TOKEN", "t");
    env.put("CAIRN_LEASE_NAMESPACE", "cairn-system");
    env.put("POD_NAME", "operator-0");
    return OperatorSettings.fromEnvironment(env);
  }

  private static byte[] bundle() throws Exception {
    return Files.readAllBytes(OMS.resolve("test-vectors/v1.0/valid/sigstore.bundle.json"));
  }

  private static Map<String, String> files() throws Exception {
    Map<String, String> files = new TreeMap<>();
    for (String name : List.of("signme-1", "signme-2")) {
      byte[] bytes = Files.readAllBytes(MODEL.resolve(name));
      files.put(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }
    return files;
  }
}
