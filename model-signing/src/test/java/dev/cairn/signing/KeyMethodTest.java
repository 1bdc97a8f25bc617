package dev.cairn.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Vectors beyond the published ones for the {@code key} method, built the way signers build them.
 */
class KeyMethodTest {
  private static final Map<String, String> FILES =
      Map.of(
          "config.json", Digests.sha256Hex("{}".getBytes(StandardCharsets.UTF_8)),
          "weights/model.onnx", Digests.sha256Hex("weights".getBytes(StandardCharsets.UTF_8)));

  @ParameterizedTest
  @ValueSource(strings = {"secp256r1", "secp384r1", "secp521r1"})
  void acceptsCairnSignaturesOnEveryOmsCurve(String curve) throws Exception {
    KeyPair keys = TestCertificates.ec(curve);
    byte[] bundle =
        new ModelSigner(keys.getPrivate(), keys.getPublic()).sign("m", FILES, List.of());

    VerifiedSignature verified = verify(bundle, trust(keys), FILES);

    assertThat(verified.method()).isEqualTo(SigningMethod.KEY);
    assertThat(verified.signer()).isEqualTo(Pem.hint(keys.getPublic()));
    assertThat(verified.trustedAs()).contains("ci");
    assertThat(verified.resources())
        .extracting(Resource::name)
        .containsExactly("config.json", "weights/model.onnx");
  }

  @Test
  void refusesAPayloadChangedAfterSigningAsInvalid() throws Exception {
    KeyPair keys = TestCertificates.ec("secp256r1");
    Map<String, String> other = new TreeMap<>(FILES);
    other.put("config.json", Digests.sha256Hex("{\"x\":1}".getBytes(StandardCharsets.UTF_8)));
    byte[] signed = ModelStatement.of("m", FILES, List.of()).toJson();
    byte[] swapped = ModelStatement.of("m", other, List.of()).toJson();
    byte[] bundle =
        TestBundles.bundle(
            TestBundles.hint(keys.getPublic()),
            swapped,
            signed,
            keys.getPrivate(),
            "SHA256withECDSA");

    assertRefused(() -> verify(bundle, trust(keys), other), "SIGNATURE_INVALID");
  }

  @Test
  void refusesAWronglyTypedStatementEvenWhenItsSignatureVerifies() throws Exception {
    KeyPair keys = TestCertificates.ec("secp256r1");
    byte[] payload =
        new String(ModelStatement.of("m", FILES, List.of()).toJson(), StandardCharsets.UTF_8)
            .replace(ModelStatement.PREDICATE_TYPE, "https://example.com/wrong-predicate/v1.0")
            .getBytes(StandardCharsets.UTF_8);
    byte[] bundle =
        TestBundles.bundle(
            TestBundles.hint(keys.getPublic()), payload, keys.getPrivate(), "SHA256withECDSA");

    assertRefused(() -> verify(bundle, trust(keys), FILES), "SIGNATURE_INVALID");
  }

  @Test
  void namesTheFileWhoseOneByteChangedAfterSigning() throws Exception {
    Path model = TestModels.write();
    KeyPair keys = TestCertificates.ec("secp384r1");
    byte[] bundle =
        new ModelSigner(keys.getPrivate(), keys.getPublic())
            .sign("m", TestModels.digests(model), List.of());
    Path weights = model.resolve("weights/model.onnx");
    byte[] bytes = Files.readAllBytes(weights);
    bytes[bytes.length / 2] ^= 1;
    Files.write(weights, bytes);

    assertRefused(
        () -> verify(bundle, trust(keys), TestModels.digests(model)),
        "SIGNATURE_MISMATCH:weights/model.onnx");
  }

  @Test
  void namesAMissingSignedFile() throws Exception {
    KeyPair keys = TestCertificates.ec("secp256r1");
    byte[] bundle =
        new ModelSigner(keys.getPrivate(), keys.getPublic()).sign("m", FILES, List.of());

    assertRefused(
        () -> verify(bundle, trust(keys), Map.of("config.json", FILES.get("config.json"))),
        "SIGNATURE_MISMATCH:weights/model.onnx");
  }

  @Test
  void namesAnExtraUnsignedFileButNotAnIgnoredOneNorTheSignature() throws Exception {
    KeyPair keys = TestCertificates.ec("secp256r1");
    byte[] bundle =
        new ModelSigner(keys.getPrivate(), keys.getPublic()).sign("m", FILES, List.of("cache"));
    String any = FILES.get("config.json");
    Map<String, String> withIgnored = new TreeMap<>(FILES);
    withIgnored.put("cache/a.bin", any);
    withIgnored.put("model.sig", any);
    withIgnored.put(".git/HEAD", any);
    Map<String, String> withExtra = new TreeMap<>(withIgnored);
    withExtra.put("sub/cache", any);

    assertThat(verify(bundle, trust(keys), withIgnored).signer())
        .isEqualTo(Pem.hint(keys.getPublic()));
    assertRefused(() -> verify(bundle, trust(keys), withExtra), "SIGNATURE_MISMATCH:sub/cache");
  }

  @Test
  void refusesASignatureByAnUntrustedKey() throws Exception {
    KeyPair signer = TestCertificates.ec("secp256r1");
    KeyPair trusted = TestCertificates.ec("secp256r1");
    byte[] current =
        new ModelSigner(signer.getPrivate(), signer.getPublic()).sign("m", FILES, List.of());
    byte[] older =
        TestBundles.bundle(
            TestBundles.rawKey(signer.getPublic(), "PKIX_ECDSA_P256_SHA_256"),
            ModelStatement.of("m", FILES, List.of()).toJson(),
            signer.getPrivate(),
            "SHA256withECDSA");

    assertRefused(() -> verify(current, trust(trusted), FILES), "SIGNATURE_UNTRUSTED");
    assertRefused(() -> verify(older, trust(trusted), FILES), "SIGNATURE_UNTRUSTED");
    assertRefused(() -> verify(current, TrustMaterial.none(), FILES), "SIGNATURE_UNTRUSTED");
  }

  @Test
  void acceptsATrustedKeyWhoseHintWasComputedDifferently() throws Exception {
    KeyPair keys = TestCertificates.ec("secp256r1");
    var material = TestBundles.JSON.createObjectNode();
    material.putObject("publicKey").put("hint", "another-implementations-fingerprint");
    byte[] bundle =
        TestBundles.bundle(
            material,
            ModelStatement.of("m", FILES, List.of()).toJson(),
            keys.getPrivate(),
            "SHA256withECDSA");

    assertThat(verify(bundle, trust(keys), FILES).signer()).isEqualTo(Pem.hint(keys.getPublic()));
  }

  @Test
  void refusesEd25519KeysAsUnsupported() throws Exception {
    KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] payload = ModelStatement.of("m", FILES, List.of()).toJson();
    byte[] embedded =
        TestBundles.bundle(
            TestBundles.rawKey(keys.getPublic(), "PKIX_ED25519"),
            payload,
            keys.getPrivate(),
            "Ed25519");
    byte[] hinted =
        TestBundles.bundle(
            TestBundles.hint(keys.getPublic()), payload, keys.getPrivate(), "Ed25519");

    assertRefused(() -> verify(embedded, trust(keys), FILES), "SIGNATURE_METHOD_UNSUPPORTED");
    assertRefused(() -> verify(hinted, trust(keys), FILES), "SIGNATURE_METHOD_UNSUPPORTED");
    assertThatThrownBy(() -> new ModelSigner(keys.getPrivate(), keys.getPublic()))
        .isInstanceOf(SignatureRefusal.class);
  }

  @Test
  void refusesRsaKeysAsUnsupported() throws Exception {
    KeyPair keys = TestCertificates.rsa();
    byte[] payload = ModelStatement.of("m", FILES, List.of()).toJson();
    byte[] embedded =
        TestBundles.bundle(
            TestBundles.rawKey(keys.getPublic(), "PKIX_RSA_PKCS1V15_2048_SHA256"),
            payload,
            keys.getPrivate(),
            "SHA256withRSA");
    byte[] undescribed =
        TestBundles.bundle(
            TestBundles.rawKey(keys.getPublic(), null),
            payload,
            keys.getPrivate(),
            "SHA256withRSA");

    assertRefused(() -> verify(embedded, trust(keys), FILES), "SIGNATURE_METHOD_UNSUPPORTED");
    assertRefused(() -> verify(undescribed, trust(keys), FILES), "SIGNATURE_METHOD_UNSUPPORTED");
  }

  @Test
  void refusesKeyDetailsThatContradictTheKey() throws Exception {
    KeyPair keys = TestCertificates.ec("secp256r1");
    byte[] bundle =
        TestBundles.bundle(
            TestBundles.rawKey(keys.getPublic(), "PKIX_ECDSA_P384_SHA_384"),
            ModelStatement.of("m", FILES, List.of()).toJson(),
            keys.getPrivate(),
            "SHA256withECDSA");

    assertRefused(() -> verify(bundle, trust(keys), FILES), "SIGNATURE_INVALID");
  }

  @Test
  void refusesAP256SignatureMadeWithTheWrongHash() throws Exception {
    KeyPair keys = TestCertificates.ec("secp256r1");
    byte[] bundle =
        TestBundles.bundle(
            TestBundles.hint(keys.getPublic()),
            ModelStatement.of("m", FILES, List.of()).toJson(),
            keys.getPrivate(),
            "SHA512withECDSA");

    assertRefused(() -> verify(bundle, trust(keys), FILES), "SIGNATURE_INVALID");
  }

  static TrustMaterial trust(KeyPair keys) {
    return TrustMaterial.builder().key("ci", keys.getPublic()).build();
  }

  static VerifiedSignature verify(byte[] bundle, TrustMaterial trust, Map<String, String> files)
      throws Exception {
    return ModelSignatureVerifier.verify(
        SignatureBundle.parse(bundle, SignatureBundle.DEFAULT_LIMIT), trust, files);
  }

  static void assertRefused(ThrowingCallable call, String wireCode) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            SignatureRefusal.class,
            r -> assertThat(r.wireCode()).as(r.detail()).isEqualTo(wireCode));
  }
}
