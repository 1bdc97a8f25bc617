package dev.cairn.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DSSE PAE, PEM and the key hint, and the streaming file hasher. */
class PrimitivesTest {
  @Test
  void paeMatchesTheDsseSpecificationExample() {
    byte[] pae =
        Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8));

    assertThat(new String(pae, StandardCharsets.UTF_8))
        .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
  }

  @Test
  void paeCountsBytesNotCharacters() {
    byte[] pae = Dsse.pae("t", "é".getBytes(StandardCharsets.UTF_8));

    assertThat(new String(pae, StandardCharsets.UTF_8)).isEqualTo("DSSEv1 1 t 2 é");
  }

  @Test
  void readsTheReferenceKeyPastItsCerttoolPreambleAndComputesItsHint() {
    String pem = Vectors.text(Vectors.MT.resolve("keys/certificate/signing-key-pub.pem"));

    assertThat(pem).startsWith("Public Key Information:");
    assertThat(Pem.hint(Pem.publicKey(pem))).isEqualTo(Vectors.KEY_HINT);
  }

  @Test
  void writesPemAsPythonCryptographyDoes() throws Exception {
    String pem = Pem.publicKeyPem(TestCertificates.ec("secp521r1").getPublic());

    assertThat(pem)
        .startsWith("-----BEGIN PUBLIC KEY-----\n")
        .endsWith("\n-----END PUBLIC KEY-----\n");
    assertThat(pem.lines().filter(l -> !l.startsWith("-----")))
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64))
        .first()
        .satisfies(line -> assertThat(line).hasSize(64));
  }

  @Test
  void readsTheReferenceRootAndRefusesTextWithoutBlocks() {
    assertThat(Pem.certificates(Vectors.text(Vectors.MT.resolve("keys/certificate/ca-cert.pem"))))
        .hasSize(1);
    assertThatThrownBy(() -> Pem.publicKey("no key here"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pem.publicKey("-----BEGIN PUBLIC KEY-----\nAAAA\n"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> Pem.certificates("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hashesAModelDirectoryWithPosixPaths() throws Exception {
    Path model = TestModels.write();

    Map<String, String> digests = ModelFiles.sha256(model);

    assertThat(digests).containsOnlyKeys("README.md", "config.json", "weights/model.onnx");
    assertThat(digests.get("README.md"))
        .isEqualTo(Digests.sha256Hex("# a model\n".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void refusesASymbolicLinkInTheModel() throws Exception {
    Path model = TestModels.write();
    Files.createSymbolicLink(model.resolve("link"), model.resolve("README.md").toAbsolutePath());

    assertThatThrownBy(() -> ModelFiles.sha256(model)).hasMessageContaining("symbolic link");
  }
}
