package dev.cairn.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.sidecar.config.SidecarSettings;
import dev.cairn.sidecar.config.SignatureSettings;
import dev.cairn.signing.Pem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CAIRN_REQUIRE_SIGNATURE and its trust files (issue 28 item 4): read, and refused when wrong. */
class SignatureSettingsTest {

  @TempDir Path dir;

  @Test
  void offByDefaultAndOnWithItsTrustFiles() throws Exception {
    Path a = Files.writeString(dir.resolve("a.pem"), publicKeyPem());
    Path b = Files.writeString(dir.resolve("b.pem"), publicKeyPem());
    Map<String, String> env = base();
    assertThat(SidecarSettings.fromEnv(env).signatures()).isEqualTo(SignatureSettings.OFF);
    env.put("CAIRN_REQUIRE_SIGNATURE", "TRUE");
    env.put("CAIRN_TRUSTED_KEYS", a + " , " + b);
    env.put("CAIRN_TRUSTED_ROOTS", "");

    SignatureSettings on = SidecarSettings.fromEnv(env).signatures();

    assertThat(on.required()).isTrue();
    assertThat(on.trustedKeys()).containsExactly(a, b);
    assertThat(on.trustedRoots()).isEmpty();
    assertThat(on.localTrust()).isTrue();
    assertThat(SidecarSettings.VARIABLES)
        .contains("CAIRN_REQUIRE_SIGNATURE", "CAIRN_TRUSTED_KEYS", "CAIRN_TRUSTED_ROOTS");
  }

  @Test
  void refusesAWordThatIsNotABooleanAMissingFileAndTrustWithoutTheRequirement() throws Exception {
    Path a = Files.writeString(dir.resolve("a.pem"), publicKeyPem());
    Path notPem = Files.writeString(dir.resolve("not.pem"), "not a key");
    Map<String, String> garbage = base();
    garbage.put("CAIRN_REQUIRE_SIGNATURE", "true");
    garbage.put("CAIRN_TRUSTED_KEYS", notPem.toString());
    Map<String, String> yes = base();
    yes.put("CAIRN_REQUIRE_SIGNATURE", "yes");
    Map<String, String> missing = base();
    missing.put("CAIRN_REQUIRE_SIGNATURE", "true");
    missing.put("CAIRN_TRUSTED_ROOTS", dir.resolve("nope.pem").toString());
    Map<String, String> unused = base();
    unused.put("CAIRN_TRUSTED_KEYS", a.toString());

    assertThatThrownBy(() -> SidecarSettings.fromEnv(yes))
        .hasMessageContaining("CAIRN_REQUIRE_SIGNATURE must be true or false");
    assertThatThrownBy(() -> SidecarSettings.fromEnv(missing))
        .hasMessageContaining("nope.pem cannot be read");
    assertThatThrownBy(() -> SidecarSettings.fromEnv(garbage))
        .hasMessageContaining("not.pem holds no PEM public key");
    assertThatThrownBy(() -> SidecarSettings.fromEnv(unused))
        .hasMessageContaining("CAIRN_REQUIRE_SIGNATURE is not true");
  }

  private static String publicKeyPem() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return Pem.publicKeyPem(generator.generateKeyPair().getPublic());
  }

  private static Map<String, String> base() {
    return new HashMap<>(
        Map.of("CAIRN_REGISTRY_URL", "http://r", "CAIRN_PROJECT", "p", "CAIRN_MODEL", "m"));
  }
}
