package dev.cairn.operator.e2e;

import dev.cairn.operator.modelversion.ModelVersion;
import dev.cairn.operator.modelversion.ModelVersionSpec;
import dev.cairn.operator.modelversion.SignatureSource;
import dev.cairn.operator.testing.Examples;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ModelVersions the signature tests sign: the single-variant example's versions, the file
 * digests a bundle signs over, and a spec with {@code spec.signature} set.
 */
final class SignedVersions {

  private SignedVersions() {}

  /** The single-variant example's {@code index}-th ModelVersion in {@code ns}. */
  static ModelVersion churn(OperatorFixture fx, String ns, int index) {
    return Examples.modelVersions("single-variant/modelversions.yaml", ns, fx.sources.base())
        .get(index);
  }

  /** Path to SHA-256 of every file of {@code mv}: what a signature over it covers. */
  static Map<String, String> files(ModelVersion mv) {
    Map<String, String> files = new TreeMap<>();
    mv.getSpec().files().forEach(f -> files.put(f.path(), f.sha256()));
    return files;
  }

  static ModelVersionSpec withSignature(ModelVersionSpec s, SignatureSource signature) {
    return new ModelVersionSpec(
        s.project(),
        s.model(),
        s.version(),
        s.variant(),
        s.modelVariants(),
        s.format(),
        s.files(),
        s.credentialsSecret(),
        s.description(),
        s.metadata(),
        signature);
  }
}
