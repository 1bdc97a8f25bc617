package dev.cairn.operator.modelversion;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first step of a ModelVersion's reconcile, before the registry is asked anything: reads the
 * resource's credentials Secret, fetches every file through SHA-256, compares each with its pinned
 * digest and reads the signature bundle from where {@code spec.signature} says. What the results
 * mean for the resource (conditions, failures, registration) is {@link ModelVersionReconciler}'s.
 */
final class SourceCheck {

  private final SourceFetcher fetcher;
  private final SignatureGate signatures;

  SourceCheck(SourceFetcher fetcher, SignatureGate signatures) {
    this.fetcher = fetcher;
    this.signatures = signatures;
  }

  /**
   * What the sources hold: each file's digest by path, a line per file whose digest is not the
   * pinned one, and the signature bundle (null without {@code spec.signature}).
   */
  record Result(Map<String, SourceDigest> verified, List<String> mismatches, byte[] bundle) {}

  Result run(ModelVersion mv, KubernetesClient kube)
      throws IOException, SourceCredentialsException {
    ModelVersionSpec spec = mv.getSpec();
    Map<String, SourceDigest> verified = new LinkedHashMap<>();
    List<String> mismatches = new ArrayList<>();
    SourceCredentials credentials = credentials(mv, kube);
    for (FileSource file : spec.files()) {
      SourceDigest actual = fetcher.digest(file.uri(), credentials);
      verified.put(file.path(), actual);
      if (!actual.sha256().equals(file.sha256())) {
        mismatches.add(
            file.path()
                + ": expected sha256:"
                + file.sha256()
                + ", actual sha256:"
                + actual.sha256());
      }
    }
    byte[] bundle = spec.signature() == null ? null : signatures.read(mv, kube, credentials);
    return new Result(verified, mismatches, bundle);
  }

  private static SourceCredentials credentials(ModelVersion mv, KubernetesClient kube)
      throws SourceCredentialsException {
    String name = mv.getSpec().credentialsSecret();
    if (name == null || name.isBlank()) {
      return SourceCredentials.none();
    }
    Secret secret =
        kube.secrets().inNamespace(mv.getMetadata().getNamespace()).withName(name).get();
    if (secret == null) {
      throw new SourceCredentialsException(
          "credentialsSecret '" + name + "' does not exist in " + mv.getMetadata().getNamespace());
    }
    return SourceCredentials.fromSecretData(secret.getData());
  }

  /** The credentials Secret named by the resource is missing. */
  static final class SourceCredentialsException extends Exception {
    SourceCredentialsException(String message) {
      super(message);
    }
  }
}
