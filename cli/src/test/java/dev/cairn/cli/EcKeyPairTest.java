package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.signing.Pem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** {@code --key} of {@code version sign}: the PEM forms OpenSSL and the JDK write, and refusals. */
class EcKeyPairTest {

  @Test
  void sec1AndPkcs8KeysGiveThePublicKeyOpensslDerives() throws Exception {
    KeyPair p256 = EcKeyPair.read(resource("p256-sec1.pem"), "p256-sec1.pem");
    KeyPair p384 = EcKeyPair.read(resource("p384-pkcs8.pem"), "p384-pkcs8.pem");

    assertThat(Pem.hint(p256.getPublic()))
        .isEqualTo(Pem.hint(Pem.publicKey(resource("p256-pub.pem"))));
    assertThat(Pem.hint(p384.getPublic()))
        .isEqualTo(Pem.hint(Pem.publicKey(resource("p384-pub.pem"))));
  }

  @Test
  void aJdkPkcs8KeyWithoutItsPublicPointGetsItComputedOnEveryCurve() throws Exception {
    for (String curve : new String[] {"secp256r1", "secp384r1", "secp521r1"}) {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve));
      KeyPair made = generator.generateKeyPair();
      String pem =
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder().encodeToString(made.getPrivate().getEncoded())
              + "\n-----END PRIVATE KEY-----\n";

      KeyPair read = EcKeyPair.read(pem, curve);

      assertThat(read.getPublic().getEncoded()).as(curve).isEqualTo(made.getPublic().getEncoded());
    }
  }

  @Test
  void ed25519EncryptedAndNonKeyFilesAreRefusedWithoutEchoingTheKey() throws Exception {
    String ed25519 = resource("ed25519.pem");
    assertThatThrownBy(() -> EcKeyPair.read(ed25519, "ed.pem"))
        .isInstanceOfSatisfying(
            ExitCodes.Failure.class, f -> assertThat(f.code()).isEqualTo(ExitCodes.USAGE))
        .hasMessageContaining("not an ECDSA private key")
        .hasMessageNotContaining(ed25519.lines().skip(1).findFirst().orElseThrow());
    assertThatThrownBy(() -> EcKeyPair.read(resource("p256-encrypted.pem"), "enc.pem"))
        .hasMessageContaining("is encrypted");
    assertThatThrownBy(() -> EcKeyPair.read(resource("p256-pub.pem"), "pub.pem"))
        .hasMessageContaining("holds no PEM private key");
    assertThatThrownBy(
            () ->
                EcKeyPair.read(
                    "-----BEGIN EC PRIVATE KEY-----\nMAMCAQE=\n-----END EC PRIVATE KEY-----", "x"))
        .hasMessageContaining("names no curve");
  }

  static String resource(String name) throws IOException {
    try (InputStream in = EcKeyPairTest.class.getResourceAsStream("/signing/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }
}
