package dev.cairn.operator.modelversion;

import dev.cairn.client.CairnApiException;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.TrustPolicy;
import dev.cairn.signing.ModelSignatureVerifier;
import dev.cairn.signing.RefusalCode;
import dev.cairn.signing.SignatureBundle;
import dev.cairn.signing.SignatureRefusal;
import dev.cairn.signing.TrustMaterial;
import dev.cairn.signing.VerifiedSignature;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The signature step of a ModelVersion (issue 28 item 5): reads the {@code model.sig} bundle from
 * where {@code spec.signature} says, and verifies it with model-signing against the project's
 * current trust policy and the SHA-256 the operator has just checked for each file, so that nothing
 * is registered under a signature the registry would refuse. The registry verifies it again when
 * the bundle is attached; this check only makes the refusal early and local.
 */
final class SignatureGate {

  /** A bundle read and verified: its bytes, sent verbatim to the registry, and what it proved. */
  record Signed(byte[] bundle, VerifiedSignature signature) {}

  private final CairnClient registry;
  private final SourceFetcher fetcher;

  SignatureGate(CairnClient registry, SourceFetcher fetcher) {
    this.registry = registry;
    this.fetcher = fetcher;
  }

  /**
   * Why {@code spec.signature} cannot be read as given, or null. An {@code s3://} signature needs
   * the resource's {@code credentialsSecret} (review 12 item 6): the files' digests may be checked
   * with the pod's default AWS credentials, since only a digest comes back, but the bundle's bytes
   * are parsed and judged, so a resource must not read an object with the operator's own IAM role.
   */
  static String specProblem(ModelVersionSpec spec) {
    SignatureSource source = spec.signature();
    if (source == null) {
      return null;
    }
    if (source.given().size() != 1) {
      return "spec.signature names "
          + source.given()
          + "; give exactly one of inline, configMapRef, secretRef or uri";
    }
    if (source.uri() != null
        && source.uri().strip().toLowerCase(Locale.ROOT).startsWith("s3:")
        && (spec.credentialsSecret() == null || spec.credentialsSecret().isBlank())) {
      return "spec.signature.uri is an s3:// URI, which needs spec.credentialsSecret (the"
          + " operator does not read a signature with its own AWS credentials)";
    }
    return null;
  }

  /** The bundle bytes; an {@link IOException} when they cannot be read now (retried). */
  byte[] read(ModelVersion mv, KubernetesClient kube, SourceCredentials credentials)
      throws IOException {
    SignatureSource source = mv.getSpec().signature();
    String namespace = mv.getMetadata().getNamespace();
    String invalid = specProblem(mv.getSpec());
    if (invalid != null) {
      throw new IllegalArgumentException(invalid);
    }
    if (source.inline() != null) {
      return source.inline().getBytes(StandardCharsets.UTF_8);
    }
    if (source.uri() != null) {
      return fetcher.bytes(source.uri(), credentials, SignatureBundle.DEFAULT_LIMIT);
    }
    if (source.configMapRef() != null) {
      ResourceKeyRef ref = source.configMapRef();
      ConfigMap map = kube.configMaps().inNamespace(namespace).withName(ref.name()).get();
      if (map == null) {
        throw new IOException("signature ConfigMap '" + ref.name() + "' does not exist");
      }
      String text = entry(map.getData(), ref.key());
      if (text != null) {
        return text.getBytes(StandardCharsets.UTF_8);
      }
      return decoded(entry(map.getBinaryData(), ref.key()), "ConfigMap", ref);
    }
    ResourceKeyRef ref = source.secretRef();
    Secret secret = kube.secrets().inNamespace(namespace).withName(ref.name()).get();
    if (secret == null) {
      throw new IOException("signature Secret '" + ref.name() + "' does not exist");
    }
    String text = entry(secret.getStringData(), ref.key());
    if (text != null) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    return decoded(entry(secret.getData(), ref.key()), "Secret", ref);
  }

  /**
   * Verifies {@code bundle} against the project's current trust policy and {@code files} (path to
   * SHA-256). Registry failures while reading the policy are thrown as they come.
   */
  Signed verify(String project, byte[] bundle, Map<String, String> files) throws SignatureRefusal {
    SignatureBundle parsed = SignatureBundle.parse(bundle, SignatureBundle.DEFAULT_LIMIT);
    VerifiedSignature verified =
        ModelSignatureVerifier.verify(parsed, trustMaterial(trust(project)), files);
    return new Signed(bundle, verified);
  }

  /** The project's policy; a project the registry does not know yet trusts nothing. */
  private TrustPolicy trust(String project) {
    try {
      return registry.signatures().trustPolicy(project);
    } catch (CairnApiException e) {
      if (e.status() == 404 && "PROJECT_NOT_FOUND".equals(e.code())) {
        return TrustPolicy.empty();
      }
      throw e;
    }
  }

  static TrustMaterial trustMaterial(TrustPolicy policy) throws SignatureRefusal {
    TrustMaterial.Builder trust = TrustMaterial.builder();
    try {
      orEmpty(policy.keys()).forEach(k -> trust.keyPem(k.name(), k.pem()));
      orEmpty(policy.roots()).forEach(r -> trust.rootPem(r.name(), r.pem()));
    } catch (IllegalArgumentException e) {
      // The registry checked every PEM when the policy was stored; one it cannot read now
      // vouches for nothing.
      throw SignatureRefusal.of(
          RefusalCode.SIGNATURE_UNTRUSTED,
          "the trust policy holds unreadable PEM: " + e.getMessage());
    }
    orEmpty(policy.identities()).forEach(i -> trust.identity(i.san(), i.issuer()));
    return trust.build();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static String entry(Map<String, String> data, String key) {
    return data == null ? null : data.get(key);
  }

  private static byte[] decoded(String base64, String kind, ResourceKeyRef ref) throws IOException {
    if (base64 == null) {
      throw new IOException(
          "signature " + kind + " '" + ref.name() + "' has no key '" + ref.key() + "'");
    }
    try {
      return Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IOException(
          "signature " + kind + " '" + ref.name() + "' key '" + ref.key() + "' is not base64", e);
    }
  }
}
