package dev.cairn.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment's {@code CAIRN_SIGSTORE_TRUSTED_ROOT}: a usable root is read whole and makes the
 * keyless vector verify; an unusable one is refused at start with one line; none is refused per
 * bundle with a message naming the setting.
 */
class SigstoreTrustedRootsTest {
  private static final String VECTOR = "test-vectors/v1.0/valid/sigstore.bundle.json";
  private static final String SAN = "stefanb@us.ibm.com";
  private static final String ISSUER = "https://sigstore.verify.ibm.com/oauth2";

  @TempDir Path dir;

  @Test
  void readsThePublicGoodRootAndItVerifiesTheKeylessVector() throws Exception {
    byte[] root =
        SigstoreTrustedRoots.read(Vectors.ROOT.resolve("sigstore-java/trusted_root.json"));
    TrustMaterial trust =
        TrustMaterial.builder()
            .identity(SAN, ISSUER)
            .build()
            .withSigstoreTrustedRoot(Optional.of(root));

    VerifiedSignature verified =
        ModelSignatureVerifier.verify(
            SignatureBundle.parse(Vectors.bytes(VECTOR), SignatureBundle.DEFAULT_LIMIT),
            trust,
            Vectors.signme("v1.1.0-sigstore"));

    assertThat(verified.signer()).isEqualTo(SAN + " (" + ISSUER + ")");
  }

  @Test
  void withoutARootTheRefusalNamesTheSetting() {
    TrustMaterial trust =
        TrustMaterial.builder()
            .identity(SAN, ISSUER)
            .build()
            .withSigstoreTrustedRoot(Optional.empty());

    assertThatThrownBy(
            () ->
                ModelSignatureVerifier.verify(
                    SignatureBundle.parse(Vectors.bytes(VECTOR), SignatureBundle.DEFAULT_LIMIT),
                    trust,
                    Vectors.signme("v1.1.0-sigstore")))
        .isInstanceOfSatisfying(
            SignatureRefusal.class,
            r -> {
              assertThat(r.wireCode()).isEqualTo("SIGNATURE_UNTRUSTED");
              assertThat(r.detail())
                  .contains("no Sigstore trusted root", "CAIRN_SIGSTORE_TRUSTED_ROOT");
            });
  }

  @Test
  void refusesFilesThatAreNotAUsableRoot() throws Exception {
    assertRefused(write("not-json", "this is not json"), "is not a Sigstore trusted_root.json");
    assertRefused(
        write(
            "empty",
            "{\"mediaType\":\"application/vnd.dev.sigstore.trustedroot+json;version=0.1\"}"),
        "names no Fulcio certificate authority");
    assertRefused(dir.resolve("missing.json"), "cannot be read");
    assertRefused(dir, "cannot be read");
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name + ".json"), content, StandardCharsets.UTF_8);
  }

  private static void assertRefused(Path file, String reason) {
    assertThatThrownBy(() -> SigstoreTrustedRoots.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(reason)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
