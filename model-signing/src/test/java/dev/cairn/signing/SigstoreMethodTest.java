package dev.cairn.signing;

import static dev.cairn.signing.KeyMethodTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keyless bundles verified offline against the copied public-good trusted root. */
class SigstoreMethodTest {
  private static final String VECTOR = "test-vectors/v1.0/valid/sigstore.bundle.json";
  private static final String SAN = "stefanb@us.ibm.com";
  private static final String ISSUER = "https://sigstore.verify.ibm.com/oauth2";

  @Test
  void acceptsTheWholeReferenceFolderAndNamesTheIdentity() throws Exception {
    VerifiedSignature verified =
        verify(
            Vectors.bytes(VECTOR),
            Vectors.referenceSigstore(),
            ModelFiles.sha256(Vectors.MT.resolve("v1.1.0-sigstore")));

    assertThat(verified.method()).isEqualTo(SigningMethod.SIGSTORE);
    assertThat(verified.signer()).isEqualTo(SAN + " (" + ISSUER + ")");
  }

  @Test
  void refusesAnIdentityThePolicyDoesNotName() {
    byte[] bundle = Vectors.bytes(VECTOR);
    for (TrustMaterial trust :
        new TrustMaterial[] {
          root().identity("someone@example.com", ISSUER).build(),
          root().identity(SAN, "https://accounts.google.com").build(),
          root().build()
        }) {
      assertRefused(() -> verify(bundle, trust, files()), "SIGNATURE_UNTRUSTED");
    }
  }

  @Test
  void refusesWithoutATrustedRootOrWithAnotherOne() {
    byte[] bundle = Vectors.bytes(VECTOR);
    TrustMaterial noRoot = TrustMaterial.builder().identity(SAN, ISSUER).build();
    TrustMaterial emptyRoot =
        TrustMaterial.builder()
            .identity(SAN, ISSUER)
            .sigstoreTrustedRoot(
                "{\"mediaType\":\"application/vnd.dev.sigstore.trustedroot+json;version=0.1\"}"
                    .getBytes(StandardCharsets.UTF_8))
            .build();

    assertRefused(() -> verify(bundle, noRoot, files()), "SIGNATURE_UNTRUSTED");
    assertRefused(() -> verify(bundle, emptyRoot, files()), "SIGNATURE_UNTRUSTED");
  }

  @Test
  void refusesALogEntryThatWasChanged() throws Exception {
    ObjectNode tree = tree();
    ObjectNode entry = (ObjectNode) tree.path("verificationMaterial").path("tlogEntries").get(0);
    entry.put("integratedTime", "1760062341");

    assertRefused(
        () ->
            verify(TestBundles.JSON.writeValueAsBytes(tree), Vectors.referenceSigstore(), files()),
        "SIGNATURE_UNTRUSTED");
  }

  @Test
  void refusesAPayloadSignedByAnotherKeyThanTheCertificates() throws Exception {
    ObjectNode tree = tree();
    ObjectNode envelope = (ObjectNode) tree.get("dsseEnvelope");
    byte[] payload = Base64.getDecoder().decode(envelope.get("payload").asText());
    KeyPair other = TestCertificates.ec("secp256r1");
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(other.getPrivate());
    signer.update(Dsse.pae(Dsse.IN_TOTO_PAYLOAD_TYPE, payload));
    ((ObjectNode) envelope.get("signatures").get(0))
        .put("sig", Base64.getEncoder().encodeToString(signer.sign()));

    assertRefused(
        () ->
            verify(TestBundles.JSON.writeValueAsBytes(tree), Vectors.referenceSigstore(), files()),
        "SIGNATURE_INVALID");
  }

  @Test
  void namesTheFileThatDiffersFromAKeylessSignature() {
    Map<String, String> files = Vectors.signme("v1.0.1-elliptic-key");

    assertRefused(
        () -> verify(Vectors.bytes(VECTOR), Vectors.referenceSigstore(), files),
        "SIGNATURE_MISMATCH:signme-1");
  }

  private static TrustMaterial.Builder root() {
    return TrustMaterial.builder()
        .sigstoreTrustedRoot(Vectors.bytes("sigstore-java/trusted_root.json"));
  }

  private static Map<String, String> files() {
    return Vectors.signme("v1.1.0-sigstore");
  }

  private static ObjectNode tree() throws Exception {
    return (ObjectNode) TestBundles.JSON.readTree(Vectors.bytes(VECTOR));
  }

  private static VerifiedSignature verify(
      byte[] bundle, TrustMaterial trust, Map<String, String> files) throws Exception {
    return KeyMethodTest.verify(bundle, trust, files);
  }
}
