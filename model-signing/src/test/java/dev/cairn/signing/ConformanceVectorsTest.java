package dev.cairn.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector of the conformance README's table: valid bundles are accepted with the expected
 * signer, invalid ones refused with the specific code.
 */
class ConformanceVectorsTest {
  private static final String KEYLESS_SIGNER =
      "stefanb@us.ibm.com (https://sigstore.verify.ibm.com/oauth2)";

  /** One row of the README table; {@code expected} is a signer, or a refusal code. */
  record Vector(
      String bundle,
      String modelFolder,
      Supplier<TrustMaterial> trust,
      Optional<String> signer,
      Optional<String> refusal) {
    static Vector accepted(
        String bundle, String folder, Supplier<TrustMaterial> trust, String signer) {
      return new Vector(bundle, folder, trust, Optional.of(signer), Optional.empty());
    }

    static Vector refused(
        String bundle, String folder, Supplier<TrustMaterial> trust, String code) {
      return new Vector(bundle, folder, trust, Optional.empty(), Optional.of(code));
    }

    @Override
    public String toString() {
      return bundle;
    }
  }

  static List<Vector> vectors() {
    String mt = "model-transparency/scripts/tests/";
    return List.of(
        Vector.accepted(
            "test-vectors/v1.0/valid/key.bundle.json",
            "v1.0.1-elliptic-key",
            Vectors::referenceKey,
            Vectors.KEY_HINT),
        Vector.accepted(
            "test-vectors/v1.0/valid/sigstore.bundle.json",
            "v1.1.0-sigstore",
            Vectors::referenceSigstore,
            KEYLESS_SIGNER),
        Vector.refused(
            "test-vectors/v1.0/invalid/empty.bundle.json",
            "v1.0.1-elliptic-key",
            Vectors::referenceKey,
            "SIGNATURE_INVALID"),
        Vector.refused(
            "test-vectors/v1.0/invalid/missing-envelope.bundle.json",
            "v1.0.1-elliptic-key",
            Vectors::referenceKey,
            "SIGNATURE_INVALID"),
        Vector.refused(
            "test-vectors/v1.0/invalid-payload/wrong-predicate.bundle.json",
            "v1.0.1-elliptic-key",
            Vectors::referenceKey,
            "SIGNATURE_INVALID"),
        Vector.accepted(
            mt + "v1.0.1-elliptic-key/model.sig",
            "v1.0.1-elliptic-key",
            Vectors::referenceKey,
            Vectors.KEY_HINT),
        Vector.accepted(
            mt + "v1.0.1-certificate/model.sig",
            "v1.0.1-certificate",
            Vectors::referenceRoot,
            "CN=intermediate-ca"),
        Vector.accepted(
            mt + "v1.1.0-certificate/model.sig",
            "v1.1.0-certificate",
            Vectors::referenceRoot,
            "CN=intermediate-ca"),
        Vector.accepted(
            mt + "v1.1.0-sigstore/model.sig",
            "v1.1.0-sigstore",
            Vectors::referenceSigstore,
            KEYLESS_SIGNER));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void givesTheExpectedResult(Vector vector) throws Exception {
    byte[] bytes = Vectors.bytes(vector.bundle());
    Map<String, String> files = Vectors.signme(vector.modelFolder());
    if (vector.signer().isPresent()) {
      SignatureBundle bundle = SignatureBundle.parse(bytes, SignatureBundle.DEFAULT_LIMIT);
      VerifiedSignature verified =
          ModelSignatureVerifier.verify(bundle, vector.trust().get(), files);
      assertThat(verified.signer()).isEqualTo(vector.signer().get());
      assertThat(verified.resources())
          .extracting(Resource::name)
          .containsExactly("signme-1", "signme-2");
    } else {
      assertThatThrownBy(
              () ->
                  ModelSignatureVerifier.verify(
                      SignatureBundle.parse(bytes, SignatureBundle.DEFAULT_LIMIT),
                      vector.trust().get(),
                      files))
          .isInstanceOfSatisfying(
              SignatureRefusal.class,
              refusal -> assertThat(refusal.wireCode()).isEqualTo(vector.refusal().get()));
    }
  }

  @Test
  void coversEveryBundleListedInTheReadmeTable() throws Exception {
    String readme = Files.readString(Vectors.ROOT.resolve("README.md"));
    List<String> listed =
        readme
            .lines()
            .filter(line -> line.startsWith("| `test-vectors/") || line.startsWith("| `MT/"))
            .map(line -> line.substring(3, line.indexOf('`', 3)))
            .map(path -> path.replaceFirst("^MT/", "model-transparency/scripts/tests/"))
            .toList();
    assertThat(listed).hasSize(9);
    assertThat(vectors()).extracting(Vector::bundle).containsExactlyInAnyOrderElementsOf(listed);
  }

  @Test
  void coversEveryBundleFileInTheMaterial() throws Exception {
    try (Stream<Path> paths = Files.walk(Vectors.ROOT)) {
      List<String> files =
          paths
              .map(p -> Vectors.ROOT.relativize(p).toString().replace('\\', '/'))
              .filter(p -> p.endsWith(".bundle.json") || p.endsWith("model.sig"))
              .collect(Collectors.toList());
      assertThat(vectors()).extracting(Vector::bundle).containsExactlyInAnyOrderElementsOf(files);
    }
  }
}
