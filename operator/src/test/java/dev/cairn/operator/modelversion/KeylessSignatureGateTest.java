package dev.cairn.operator.modelversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ProjectCreate;
import dev.cairn.operator.OperatorSettings;
import dev.cairn.registry.testing.KeylessVector;
import dev.cairn.registry.testing.TestRegistry;
import dev.cairn.registry.testing.TestTokens;
import dev.cairn.signing.SignatureRefusal;
import dev.cairn.signing.SigstoreTrustedRoots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  private static final TestRegistry registry = TestRegistry.shared();
  private static CairnClient admin;
  private static String project;

  @TempDir Path dir;

  @BeforeAll
  static void trustTheIdentity() {
    admin = registry.client(TestTokens.ADMIN);
    project = TestRegistry.uniqueProject("keyless-op");
    admin.projects().create(ProjectCreate.named(project));
    admin.signatures().putTrust(project, KeylessVector.trustPolicy());
  }

  @Test
  void withTheRootTheKeylessVectorVerifiesForThePolicysIdentity() throws Exception {
    SignatureGate gate =
        new SignatureGate(
            admin,
            new SourceFetcher(List.of()),
            Optional.of(SigstoreTrustedRoots.read(KeylessVector.TRUSTED_ROOT)));

    SignatureGate.Signed signed =
        gate.verify(project, KeylessVector.bundle(), KeylessVector.sha256s());

    assertThat(signed.signature().signer()).isEqualTo(KeylessVector.SIGNER);
  }

  @Test
  void withoutTheRootKeylessIsRefusedNamingTheSetting() throws Exception {
    SignatureGate gate = new SignatureGate(admin, new SourceFetcher(List.of()), Optional.empty());

    assertThatThrownBy(() -> gate.verify(project, KeylessVector.bundle(), KeylessVector.sha256s()))
        .isInstanceOfSatisfying(
            SignatureRefusal.class,
            r -> {
              assertThat(r.wireCode()).isEqualTo("SIGNATURE_UNTRUSTED");
              assertThat(r.detail()).contains("CAIRN_SIGSTORE_TRUSTED_ROOT");
            });
  }

  @Test
  void theSettingIsReadAtStartAndABadFileStopsIt() throws Exception {
    assertThat(
            settings(Map.of("CAIRN_SIGSTORE_TRUSTED_ROOT", KeylessVector.TRUSTED_ROOT.toString())))
        .extracting(s -> s.sigstoreTrustedRoot().orElseThrow())
        .isEqualTo(Files.readAllBytes(KeylessVector.TRUSTED_ROOT));
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
}
