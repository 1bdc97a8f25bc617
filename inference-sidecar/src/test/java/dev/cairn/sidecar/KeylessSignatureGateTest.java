package dev.cairn.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.client.CairnClient;
import dev.cairn.registry.testing.KeylessVector;
import dev.cairn.sidecar.config.ModelRef;
import dev.cairn.sidecar.config.SidecarSettings;
import dev.cairn.sidecar.config.SignatureSettings;
import dev.cairn.sidecar.serving.SignatureGate;
import dev.cairn.sidecar.serving.SwapFailure;
import dev.cairn.sidecar.serving.TargetSet.TargetFile;
import dev.cairn.sidecar.serving.TargetSet.TargetVariant;
import dev.cairn.signing.VerifiedSignature;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 28, keyless in the sidecar: with {@code CAIRN_SIGSTORE_TRUSTED_ROOT} the signature gate
 * accepts the OMS {@code valid/sigstore.bundle.json} vector over the reference files for the
 * identity of the project's trust policy; without it the refusal names the setting; a file that is
 * no trusted root stops the start. The gate runs its offline path (the bundle and policy kept in
 * the cache, as after a verified load), which needs no registry.
 */
class KeylessSignatureGateTest {

  static final String DIGEST = "sha256:" + "ab".repeat(32);
  static final String POLICY =
      "{\"version\":1,\"keys\":[],\"roots\":[],\"identities\":[{\"san\":\"stefanb@us.ibm.com\","
          + "\"issuer\":\"https://sigstore.verify.ibm.com/oauth2\"}]}";

  @TempDir Path cache;
  @TempDir Path dir;

  @Test
  void withTheRootTheKeylessVectorVerifiesForThePolicysIdentity() throws Exception {
    SignatureSettings settings =
        SidecarSettings.fromEnv(
                env(Map.of("CAIRN_SIGSTORE_TRUSTED_ROOT", KeylessVector.TRUSTED_ROOT.toString())))
            .signatures();
    assertThat(settings.sigstoreTrustedRoot())
        .hasValue(Files.readAllBytes(KeylessVector.TRUSTED_ROOT));

    Optional<VerifiedSignature> verified = gate(settings).check(variant(), true);

    assertThat(verified)
        .hasValueSatisfying(v -> assertThat(v.signer()).isEqualTo(KeylessVector.SIGNER));
  }

  @Test
  void withoutTheRootKeylessIsRefusedNamingTheSetting() throws Exception {
    SignatureSettings settings = SidecarSettings.fromEnv(env(Map.of())).signatures();

    assertThatThrownBy(() -> gate(settings).check(variant(), true))
        .isInstanceOfSatisfying(
            SwapFailure.class,
            f -> {
              assertThat(f.code()).isEqualTo("SIGNATURE_UNTRUSTED:default");
              assertThat(f.getMessage()).contains("CAIRN_SIGSTORE_TRUSTED_ROOT");
            });
  }

  @Test
  void aFileThatIsNoTrustedRootOrARootWithoutTheRequirementStopsTheStart() throws Exception {
    Path bad = Files.writeString(dir.resolve("root.json"), "{}");
    assertThatThrownBy(
            () ->
                SidecarSettings.fromEnv(env(Map.of("CAIRN_SIGSTORE_TRUSTED_ROOT", bad.toString()))))
        .hasMessageStartingWith("CAIRN_SIGSTORE_TRUSTED_ROOT: ")
        .hasMessageContaining(bad.toString());
    Map<String, String> notRequired =
        env(Map.of("CAIRN_SIGSTORE_TRUSTED_ROOT", KeylessVector.TRUSTED_ROOT.toString()));
    notRequired.remove("CAIRN_REQUIRE_SIGNATURE");
    assertThatThrownBy(() -> SidecarSettings.fromEnv(notRequired))
        .hasMessageContaining("CAIRN_SIGSTORE_TRUSTED_ROOT is set but CAIRN_REQUIRE_SIGNATURE");
    assertThat(SidecarSettings.VARIABLES).contains("CAIRN_SIGSTORE_TRUSTED_ROOT");
  }

  /** The gate, with the bundle and the project's policy kept in the cache by an earlier load. */
  private SignatureGate.Check gate(SignatureSettings settings) throws Exception {
    Path kept = Files.createDirectories(cache.resolve("signatures"));
    Files.copy(KeylessVector.BUNDLE, kept.resolve(DIGEST.substring(7) + ".sig"));
    Files.writeString(kept.resolve("trust-policy.json"), POLICY);
    // Never called on the offline path: nothing listens there.
    CairnClient unused = CairnClient.create(URI.create("http://127.0.0.1:9"), "t");
    return SignatureGate.of(settings, unused, cache, new ModelRef("p", "m", "production"));
  }

  private static TargetVariant variant() throws Exception {
    List<TargetFile> files = new ArrayList<>();
    for (Map.Entry<String, String> file : KeylessVector.sha256s().entrySet()) {
      long size = Files.size(KeylessVector.MODEL.resolve(file.getKey()));
      files.add(new TargetFile(file.getKey(), file.getValue(), size));
    }
    return new TargetVariant("default", "v1", "generic", null, null, null, DIGEST, files);
  }

  private static Map<String, String> env(Map<String, String> extra) {
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "CAIRN_REGISTRY_URL", "http://r",
                "CAIRN_PROJECT", "p",
                "CAIRN_MODEL", "m",
                "CAIRN_REQUIRE_SIGNATURE", "true"));
    env.putAll(extra);
    return env;
  }
}
