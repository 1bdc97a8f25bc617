package dev.cairn.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Cairn-made {@code model.sig} checked by a second, independent reading of the specification
 * (spec §8 with the reference implementation's key rules), written here with a plain Jackson tree
 * and java.security only: no production class takes part in the verification.
 */
class IndependentVerifierTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"secp256r1", "secp384r1", "secp521r1"})
  void acceptsWhatCairnSigns(String curve) throws Exception {
    Path model = TestModels.write();
    KeyPair keys = TestCertificates.ec(curve);
    byte[] bundle =
        new ModelSigner(keys.getPrivate(), keys.getPublic())
            .sign("my-model", ModelFiles.sha256(model), List.of());
    Files.write(model.resolve("model.sig"), bundle);

    String hint = verifyIndependently(bundle, spki(keys.getPublic()), contents(model));

    assertThat(hint).isEqualTo(Pem.hint(keys.getPublic()));
  }

  @Test
  void writesTheReferenceBundleShape() throws Exception {
    KeyPair keys = TestCertificates.ec("secp384r1");
    JsonNode cairn =
        JSON.readTree(
            new ModelSigner(keys.getPrivate(), keys.getPublic())
                .sign("m", Map.of("a", Digests.sha256Hex(new byte[0])), List.of()));
    JsonNode reference = JSON.readTree(Vectors.bytes("test-vectors/v1.0/valid/key.bundle.json"));

    assertThat(shape(cairn)).isEqualTo(shape(reference));
  }

  @Test
  void theIndependentVerifierAcceptsTheReferenceVector() throws Exception {
    byte[] bundle = Vectors.bytes("test-vectors/v1.0/valid/key.bundle.json");
    String pem = Vectors.text(Vectors.MT.resolve("keys/certificate/signing-key-pub.pem"));
    byte[] spki =
        Base64.getMimeDecoder()
            .decode(
                pem.substring(
                    pem.indexOf("-----BEGIN PUBLIC KEY-----") + 26,
                    pem.indexOf("-----END PUBLIC KEY-----")));
    Map<String, byte[]> files = new TreeMap<>();
    for (String name : List.of("signme-1", "signme-2")) {
      files.put(name, Files.readAllBytes(Vectors.MT.resolve("v1.0.1-elliptic-key").resolve(name)));
    }

    assertThat(verifyIndependently(bundle, spki, files)).isEqualTo(Vectors.KEY_HINT);
  }

  @Test
  void theIndependentVerifierRefusesATamperedCairnBundle() throws Exception {
    Path model = TestModels.write();
    KeyPair keys = TestCertificates.ec("secp256r1");
    ObjectNode bundle =
        (ObjectNode)
            JSON.readTree(
                new ModelSigner(keys.getPrivate(), keys.getPublic())
                    .sign("m", ModelFiles.sha256(model), List.of()));
    ObjectNode envelope = (ObjectNode) bundle.get("dsseEnvelope");
    String statement =
        new String(
            Base64.getDecoder().decode(envelope.get("payload").asText()), StandardCharsets.UTF_8);
    envelope.put(
        "payload",
        Base64.getEncoder()
            .encodeToString(
                statement
                    .replace("my-model", "m2")
                    .replace("\"m\"", "\"m2\"")
                    .getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(
            () ->
                verifyIndependently(
                    JSON.writeValueAsBytes(bundle), spki(keys.getPublic()), contents(model)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("independent verification failed: signature");
  }

  /**
   * Spec §8 on its own: bundle media type, key hint = hex SHA-256 of the key's PEM (64-column
   * lines, trailing newline), DSSE PAE, ECDSA with the curve's hash, statement type and predicate,
   * resources sorted and equal to the files, root digest. Returns the hint.
   */
  static String verifyIndependently(
      byte[] bundleJson, byte[] trustedSpki, Map<String, byte[]> files) throws Exception {
    JsonNode bundle = JSON.readTree(bundleJson);
    check(
        bundle.path("mediaType").asText().equals("application/vnd.dev.sigstore.bundle.v0.3+json"),
        "media type");
    String body = Base64.getEncoder().encodeToString(trustedSpki);
    StringBuilder pem = new StringBuilder("-----BEGIN PUBLIC KEY-----\n");
    for (int i = 0; i < body.length(); i += 64) {
      pem.append(body, i, Math.min(body.length(), i + 64)).append('\n');
    }
    pem.append("-----END PUBLIC KEY-----\n");
    String hint =
        hex(
            MessageDigest.getInstance("SHA-256")
                .digest(pem.toString().getBytes(StandardCharsets.US_ASCII)));
    check(
        bundle.path("verificationMaterial").path("publicKey").path("hint").asText().equals(hint),
        "key hint");

    JsonNode envelope = bundle.path("dsseEnvelope");
    String type = envelope.path("payloadType").asText();
    check(type.equals("application/vnd.in-toto+json"), "payload type");
    byte[] payload = Base64.getDecoder().decode(envelope.path("payload").asText());
    check(envelope.path("signatures").size() == 1, "one signature");
    byte[] sig =
        Base64.getDecoder().decode(envelope.path("signatures").get(0).path("sig").asText());
    ByteArrayOutputStream pae = new ByteArrayOutputStream();
    pae.writeBytes(
        ("DSSEv1 " + type.length() + " " + type + " " + payload.length + " ")
            .getBytes(StandardCharsets.US_ASCII));
    pae.writeBytes(payload);
    PublicKey key =
        KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(trustedSpki));
    int bits = ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize();
    Signature verifier =
        Signature.getInstance(
            bits == 256 ? "SHA256withECDSA" : bits == 384 ? "SHA384withECDSA" : "SHA512withECDSA");
    verifier.initVerify(key);
    verifier.update(pae.toByteArray());
    check(verifier.verify(sig), "signature");

    JsonNode statement = JSON.readTree(payload);
    check(
        statement.path("_type").asText().equals("https://in-toto.io/Statement/v1"),
        "statement type");
    check(
        statement.path("predicateType").asText().equals("https://model_signing/signature/v1.0"),
        "predicate type");
    JsonNode serialization = statement.path("predicate").path("serialization");
    check(serialization.path("method").asText().equals("files"), "method files");
    check(serialization.path("hash_type").asText().equals("sha256"), "hash sha256");
    check(serialization.path("allow_symlinks").isBoolean(), "allow_symlinks");
    List<String> names = new ArrayList<>();
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    for (JsonNode resource : statement.path("predicate").path("resources")) {
      String name = resource.path("name").asText();
      check(files.containsKey(name), "file " + name + " present");
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(files.get(name));
      check(resource.path("digest").asText().equals(hex(digest)), "digest of " + name);
      check(resource.path("algorithm").asText().equals("sha256"), "algorithm of " + name);
      names.add(name);
      raw.writeBytes(digest);
    }
    check(names.equals(names.stream().sorted().toList()), "resources sorted");
    List<String> expected =
        files.keySet().stream().filter(n -> !n.equals("model.sig")).sorted().toList();
    check(names.equals(expected), "resources are exactly the files");
    JsonNode subject = statement.path("subject");
    check(subject.size() == 1, "one subject");
    check(
        subject
            .get(0)
            .path("digest")
            .path("sha256")
            .asText()
            .equals(hex(MessageDigest.getInstance("SHA-256").digest(raw.toByteArray()))),
        "root digest");
    return hint;
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError("independent verification failed: " + what);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static byte[] spki(PublicKey key) {
    return key.getEncoded();
  }

  private static Map<String, byte[]> contents(Path root) throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
      }
    }
    return files;
  }

  /** The field names of a JSON tree, recursively, without values: the bundle's layout. */
  private static JsonNode shape(JsonNode node) {
    if (node.isObject()) {
      ObjectNode shape = JSON.createObjectNode();
      node.fields().forEachRemaining(e -> shape.set(e.getKey(), shape(e.getValue())));
      return shape;
    }
    if (node.isArray()) {
      return node.isEmpty()
          ? JSON.createArrayNode()
          : JSON.createArrayNode().add(shape(node.get(0)));
    }
    return JSON.getNodeFactory().textNode(node.getNodeType().name());
  }
}
