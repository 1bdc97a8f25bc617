package dev.cairn.signing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Trust material from where a client finds it: a project's trust policy as the registry answers
 * {@code GET /api/v1/projects/{p}/trust} ({@code keys}/{@code roots} of {@code name}+{@code pem},
 * {@code identities} of {@code san}+{@code issuer}), or local PEM files named by a deployment
 * ({@code CAIRN_TRUSTED_KEYS}, {@code CAIRN_TRUSTED_ROOTS}). Shared by the CLI, the sidecar and the
 * storage initializer so that all three read a policy the same way.
 */
public final class TrustPolicies {

  private TrustPolicies() {}

  /**
   * The trust material of a policy document. A key or root whose PEM does not parse is refused
   * ({@link IllegalArgumentException} naming the entry): trusting less than the policy says
   * silently would turn a typo into refused models with no clue why.
   */
  public static TrustMaterial fromPolicy(JsonNode policy) {
    TrustMaterial.Builder trust = TrustMaterial.builder();
    for (JsonNode key : policy.path("keys")) {
      String name = key.path("name").asText("");
      try {
        trust.keyPem(name, key.path("pem").asText(""));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "trusted key '" + Json.shorten(name) + "' is not a PEM public key", e);
      }
    }
    for (JsonNode root : policy.path("roots")) {
      String name = root.path("name").asText("");
      try {
        trust.rootPem(name, root.path("pem").asText(""));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "trusted root '" + Json.shorten(name) + "' is not a PEM certificate", e);
      }
    }
    for (JsonNode identity : policy.path("identities")) {
      trust.identity(identity.path("san").asText(""), identity.path("issuer").asText(""));
    }
    return trust.build();
  }

  /** Trust in the public keys and root certificates of local PEM files, named by file name. */
  public static TrustMaterial fromPemFiles(List<Path> keys, List<Path> roots) throws IOException {
    TrustMaterial.Builder trust = TrustMaterial.builder();
    for (Path key : keys) {
      String pem = Files.readString(key, StandardCharsets.US_ASCII);
      List<PublicKey> found;
      try {
        found = Pem.publicKeys(pem);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(key + " holds no PEM public key", e);
      }
      if (found.isEmpty()) {
        throw new IllegalArgumentException(key + " holds no PEM public key");
      }
      found.forEach(k -> trust.key(key.getFileName().toString(), k));
    }
    for (Path root : roots) {
      String pem = Files.readString(root, StandardCharsets.US_ASCII);
      List<X509Certificate> found;
      try {
        found = Pem.certificates(pem);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(root + " holds no PEM certificate", e);
      }
      if (found.isEmpty()) {
        throw new IllegalArgumentException(root + " holds no PEM certificate");
      }
      found.forEach(c -> trust.root(root.getFileName().toString(), c));
    }
    return trust.build();
  }
}
