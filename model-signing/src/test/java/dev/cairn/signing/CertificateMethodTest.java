package dev.cairn.signing;

import static dev.cairn.signing.KeyMethodTest.assertRefused;
import static dev.cairn.signing.KeyMethodTest.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.signing.TestCertificates.Issued;
import dev.cairn.signing.TestCertificates.Usage;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Certificate-chain vectors built here: an RSA root and intermediate, ECDSA leaves. */
class CertificateMethodTest {
  private static final Map<String, String> FILES =
      Map.of("model.onnx", Digests.sha256Hex("weights".getBytes(StandardCharsets.UTF_8)));
  private static Issued root;
  private static Issued intermediate;
  private static Issued otherRoot;

  @BeforeAll
  static void pki() throws Exception {
    root = TestCertificates.root("cairn-test-root", TestCertificates.rsa());
    intermediate =
        TestCertificates.issue("cairn-test-intermediate", TestCertificates.rsa(), root, Usage.CA);
    otherRoot = TestCertificates.root("someone-else", TestCertificates.ec("secp256r1"));
  }

  @Test
  void acceptsALeafChainedToATrustedRootAndNamesItsSubject() throws Exception {
    Issued leaf = leaf("secp384r1", Usage.SIGNER);
    byte[] bundle = signed(leaf, TestBundles.chain(leaf.certificate(), intermediate.certificate()));

    VerifiedSignature verified = verify(bundle, trustRoot(root), FILES);

    assertThat(verified.method()).isEqualTo(SigningMethod.CERTIFICATE);
    assertThat(verified.signer()).isEqualTo("CN=model-publisher");
    assertThat(verified.trustedAs()).contains("corp-ca");
  }

  @Test
  void acceptsAChainThatCarriesItsRoot() throws Exception {
    Issued leaf = leaf("secp256r1", Usage.SIGNER);
    byte[] bundle =
        signed(
            leaf,
            TestBundles.chain(leaf.certificate(), intermediate.certificate(), root.certificate()));

    assertThat(verify(bundle, trustRoot(root), FILES).signer()).isEqualTo("CN=model-publisher");
  }

  @Test
  void refusesAChainToAnUntrustedRoot() throws Exception {
    Issued leaf = leaf("secp256r1", Usage.SIGNER);
    byte[] bundle = signed(leaf, TestBundles.chain(leaf.certificate(), intermediate.certificate()));

    assertRefused(() -> verify(bundle, trustRoot(otherRoot), FILES), "SIGNATURE_UNTRUSTED");
    assertRefused(() -> verify(bundle, TrustMaterial.none(), FILES), "SIGNATURE_UNTRUSTED");
  }

  @Test
  void refusesALeafThatMayNotSignCode() throws Exception {
    Issued leaf = leaf("secp256r1", Usage.NEITHER);
    byte[] bundle = signed(leaf, TestBundles.chain(leaf.certificate(), intermediate.certificate()));

    assertRefused(() -> verify(bundle, trustRoot(root), FILES), "SIGNATURE_UNTRUSTED");
  }

  @Test
  void acceptsALeafWithOnlyOneOfTheTwoUsages() throws Exception {
    for (Usage usage : List.of(new Usage(false, true, false), new Usage(false, false, true))) {
      Issued leaf = leaf("secp256r1", usage);
      byte[] bundle =
          signed(leaf, TestBundles.chain(leaf.certificate(), intermediate.certificate()));

      assertThat(verify(bundle, trustRoot(root), FILES).signer()).isEqualTo("CN=model-publisher");
    }
  }

  @Test
  void refusesAnRsaLeafAsUnsupported() throws Exception {
    Issued leaf =
        TestCertificates.issue("rsa-publisher", TestCertificates.rsa(), intermediate, Usage.SIGNER);
    byte[] bundle =
        TestBundles.bundle(
            TestBundles.chain(leaf.certificate(), intermediate.certificate()),
            ModelStatement.of("m", FILES, List.of()).toJson(),
            leaf.keys().getPrivate(),
            "SHA256withRSA");

    assertRefused(() -> verify(bundle, trustRoot(root), FILES), "SIGNATURE_METHOD_UNSUPPORTED");
  }

  @Test
  void refusesASignatureByAnotherKeyThanTheLeafs() throws Exception {
    Issued leaf = leaf("secp256r1", Usage.SIGNER);
    KeyPair other = TestCertificates.ec("secp256r1");
    byte[] bundle =
        TestBundles.bundle(
            TestBundles.chain(leaf.certificate(), intermediate.certificate()),
            ModelStatement.of("m", FILES, List.of()).toJson(),
            other.getPrivate(),
            "SHA256withECDSA");

    assertRefused(() -> verify(bundle, trustRoot(root), FILES), "SIGNATURE_INVALID");
  }

  private static Issued leaf(String curve, Usage usage) throws Exception {
    return TestCertificates.issue(
        "model-publisher", TestCertificates.ec(curve), intermediate, usage);
  }

  private static byte[] signed(Issued leaf, ObjectNode chain) throws Exception {
    String algorithm = EcdsaCurves.of(leaf.certificate().getPublicKey()).signatureAlgorithm();
    return TestBundles.bundle(
        chain,
        ModelStatement.of("m", FILES, List.of()).toJson(),
        leaf.keys().getPrivate(),
        algorithm);
  }

  private static TrustMaterial trustRoot(Issued root) {
    return TrustMaterial.builder().root("corp-ca", root.certificate()).build();
  }
}
