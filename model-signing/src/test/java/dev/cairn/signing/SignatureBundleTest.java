package dev.cairn.signing;

import static dev.cairn.signing.KeyMethodTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile and malformed bundles: each one is a SIGNATURE_INVALID with a one-line detail. */
class SignatureBundleTest {
  private static String good;

  @BeforeAll
  static void sign() throws Exception {
    KeyPair keys = TestCertificates.ec("secp256r1");
    good =
        new String(
            new ModelSigner(keys.getPrivate(), keys.getPublic())
                .sign("m", Map.of("a.bin", Digests.sha256Hex(new byte[] {1})), List.of()),
            StandardCharsets.UTF_8);
  }

  @Test
  void keepsTheRawBytesAndReadsTheMethod() throws Exception {
    byte[] bytes = good.getBytes(StandardCharsets.UTF_8);
    SignatureBundle bundle = SignatureBundle.parse(bytes, SignatureBundle.DEFAULT_LIMIT);

    assertThat(bundle.raw()).isEqualTo(bytes);
    assertThat(bundle.method()).isEqualTo(SigningMethod.KEY);
    assertThat(bundle.envelope().payloadType()).isEqualTo(Dsse.IN_TOTO_PAYLOAD_TYPE);
  }

  @Test
  void refusesABundleOverTheLimitWithoutReadingItAll() {
    byte[] bytes = good.getBytes(StandardCharsets.UTF_8);
    ByteArrayInputStream in = new ByteArrayInputStream(bytes);

    assertRefused(() -> SignatureBundle.parse(in, 100), "SIGNATURE_INVALID");
    assertThat(in.available()).isEqualTo(bytes.length - 101);
    assertRefused(() -> SignatureBundle.parse(bytes, bytes.length - 1), "SIGNATURE_INVALID");
  }

  @Test
  void readsABundleOfExactlyTheLimitAndTakesTheLargestLimit() throws Exception {
    byte[] bytes = good.getBytes(StandardCharsets.UTF_8);

    assertThat(SignatureBundle.parse(new ByteArrayInputStream(bytes), bytes.length).raw())
        .isEqualTo(bytes);
    assertThat(SignatureBundle.parse(new ByteArrayInputStream(bytes), Integer.MAX_VALUE).raw())
        .isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "[]",
        "null",
        "\"text\"",
        "{",
        "{\"mediaType\":1}",
        "{} {}",
        "{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.1+json\"}",
      })
  void refusesWhatIsNotABundle(String text) {
    assertRefused(() -> parse(text), "SIGNATURE_INVALID");
  }

  @Test
  void refusesTrailingDataDuplicateKeysAndDeepNesting() {
    assertRefused(() -> parse(good + "{}"), "SIGNATURE_INVALID");
    assertRefused(
        () -> parse(good.replaceFirst("\\{", "{\"mediaType\":\"x\",")), "SIGNATURE_INVALID");
    String deep = "[".repeat(5000) + "]".repeat(5000);
    assertRefused(
        () -> parse(good.replaceFirst("\\{", "{\"x\":" + deep + ",")), "SIGNATURE_INVALID");
  }

  @Test
  void refusesAMissingOrAmbiguousMaterial() {
    assertRefused(
        () ->
            parse(
                good.replace(
                    "\"publicKey\":{", "\"certificate\":{\"rawBytes\":\"AA==\"},\"publicKey\":{")),
        "SIGNATURE_INVALID");
    assertRefused(
        () -> parse(good.replace("\"publicKey\"", "\"publicKeys\"")), "SIGNATURE_INVALID");
    assertRefused(
        () -> parse(good.replaceAll("\"hint\":\"[0-9a-f]+\"", "\"hint\":\"\"")),
        "SIGNATURE_INVALID");
  }

  @Test
  void refusesABrokenEnvelope() {
    assertRefused(
        () -> parse(good.replace("\"payload\":\"", "\"payload\":\"!!")), "SIGNATURE_INVALID");
    assertRefused(() -> parse(good.replace("\"sig\":\"", "\"sig\":\"!!")), "SIGNATURE_INVALID");
    assertRefused(
        () -> parse(good.replace("application/vnd.in-toto+json", "text/plain")),
        "SIGNATURE_INVALID");
    assertRefused(
        () -> parse(good.replace("\"signatures\":[", "\"signatures\":[{\"sig\":\"AA==\"},")),
        "SIGNATURE_INVALID");
    assertRefused(
        () -> parse(good.replace("\"signatures\":[{", "\"signatures\":[{\"x\":1,")),
        "SIGNATURE_INVALID");
  }

  @Test
  void refusesAMessageSignatureBundle() {
    assertRefused(
        () -> parse(good.replace("\"dsseEnvelope\"", "\"messageSignature\"")), "SIGNATURE_INVALID");
  }

  @Test
  void refusesACertificateThatIsNotDer() {
    String chain = "\"x509CertificateChain\":{\"certificates\":[{\"rawBytes\":\"AAAA\"}]}";
    assertRefused(
        () -> parse(good.replaceAll("\"publicKey\":\\{[^}]*}", chain)), "SIGNATURE_INVALID");
  }

  @Test
  void acceptsEveryKeyidFormTheSpecAllows() throws Exception {
    assertThat(parse(good.replace("\"keyid\":\"\"", "\"keyid\":null")).method())
        .isEqualTo(SigningMethod.KEY);
    assertThat(parse(good.replace(",\"keyid\":\"\"", "")).method()).isEqualTo(SigningMethod.KEY);
    assertThat(parse(good.replace(",\"tlogEntries\":[]", "")).method())
        .isEqualTo(SigningMethod.KEY);
  }

  @Test
  void detailsAreOneLine() {
    for (String text : List.of("", "{", good + "x", "{\"a\":\n\n1}")) {
      try {
        parse(text);
      } catch (SignatureRefusal refusal) {
        assertThat(refusal.detail()).doesNotContain("\n").hasSizeLessThan(200);
      }
    }
  }

  private static SignatureBundle parse(String text) throws SignatureRefusal {
    return SignatureBundle.parse(
        text.getBytes(StandardCharsets.UTF_8), SignatureBundle.DEFAULT_LIMIT);
  }
}
