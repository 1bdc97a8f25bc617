package dev.cairn.signing;

import static dev.cairn.signing.KeyMethodTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The traps the conformance README names, over the reference test models' whole folders. */
class ReferenceTrapsTest {
  @Test
  void aCurrentBundleCoversItsIgnoredFileAndItsOwnSignature() throws Exception {
    Map<String, String> folder = ModelFiles.sha256(Vectors.MT.resolve("v1.1.0-certificate"));
    assertThat(folder).containsKeys("ignore-me", "model.sig");

    VerifiedSignature verified =
        ModelSignatureVerifier.verify(
            bundle("model-transparency/scripts/tests/v1.1.0-certificate/model.sig"),
            Vectors.referenceRoot(),
            folder);

    assertThat(verified.signer()).isEqualTo("CN=intermediate-ca");
    assertThat(verified.trustedAs()).contains("reference-ca");
  }

  @Test
  void aBundleWithoutIgnorePathsRefusesAnUnsignedFileByName() throws Exception {
    // v1.0.1 bundles predate ignore_paths: the reference CLI needs --ignore-paths for ignore-me.
    Map<String, String> folder = ModelFiles.sha256(Vectors.MT.resolve("v1.0.1-elliptic-key"));

    assertRefused(
        () ->
            ModelSignatureVerifier.verify(
                bundle("model-transparency/scripts/tests/v1.0.1-elliptic-key/model.sig"),
                Vectors.referenceKey(),
                folder),
        "SIGNATURE_MISMATCH:ignore-me");
  }

  @Test
  void theReferenceChainIsRefusedWithoutItsRoot() throws Exception {
    assertRefused(
        () ->
            ModelSignatureVerifier.verify(
                bundle("model-transparency/scripts/tests/v1.0.1-certificate/model.sig"),
                Vectors.referenceKey(),
                Vectors.signme("v1.0.1-certificate")),
        "SIGNATURE_UNTRUSTED");
  }

  @Test
  void theKeyVectorIsRefusedOverTheOtherModelsFiles() throws Exception {
    // valid/key.bundle.json signed the v1.0.1-elliptic-key files; signme-1 differs in v1.1.0.
    assertRefused(
        () ->
            ModelSignatureVerifier.verify(
                bundle("test-vectors/v1.0/valid/key.bundle.json"),
                Vectors.referenceKey(),
                Vectors.signme("v1.1.0-certificate")),
        "SIGNATURE_MISMATCH:signme-1");
  }

  private static SignatureBundle bundle(String path) throws SignatureRefusal {
    return SignatureBundle.parse(Vectors.bytes(path), SignatureBundle.DEFAULT_LIMIT);
  }
}
