package dev.cairn.initializer;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.ManifestEntry;
import dev.cairn.client.model.Resolved;
import dev.cairn.signing.ModelSignatureVerifier;
import dev.cairn.signing.SignatureBundle;
import dev.cairn.signing.SignatureRefusal;
import dev.cairn.signing.TrustMaterial;
import dev.cairn.signing.TrustPolicies;
import dev.cairn.signing.VerifiedSignature;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The signature gate of issue 29 (with issue 28's verification): when {@code
 * CAIRN_REQUIRE_SIGNATURE=true}, or when the project's {@code require_signature} policy is on and
 * the ref names a protected alias ({@code production} or one of the model's {@code
 * protected_aliases}), the version's {@code model.sig} is fetched and verified against the resolved
 * manifest's SHA-256s with the trust of {@link SignatureSettings}. The installer then accepts no
 * byte that is not its pinned SHA-256, so the files put in place are the signed ones, from a single
 * hash pass. A refusal exits 5 with the {@code SIGNATURE_*} code first and nothing in place.
 */
final class SignatureCheck implements SignatureGate {

  /**
   * Protected on every model, whatever its {@code protected_aliases} say: the registry's own rule
   * ({@code AliasRules.isProtected}), and a model created without the field stores none (review 12
   * item 7).
   */
  static final String PRODUCTION = "production";

  private final SignatureSettings settings;

  SignatureCheck(SignatureSettings settings) {
    this.settings = settings;
  }

  @Override
  public Optional<String> admit(CairnClient client, CairnUri uri, Resolved resolved) {
    if (!required(client, uri, resolved)) {
      return Optional.empty();
    }
    String version = resolved.version().version();
    byte[] bundle =
        client
            .signatures()
            .signature(uri.project(), resolved.model(), version)
            .orElseThrow(
                () ->
                    refused(
                        "SIGNATURE_REQUIRED",
                        resolved.model() + ":" + version + " is not signed",
                        uri));
    Map<String, String> files = new LinkedHashMap<>();
    for (ManifestEntry file : resolved.manifest().files()) {
      files.put(file.path(), hex(file.sha256()));
    }
    try {
      VerifiedSignature ok =
          ModelSignatureVerifier.verify(
              SignatureBundle.parse(bundle, SignatureBundle.DEFAULT_LIMIT),
              trust(client, uri),
              files);
      return Optional.of(ok.signer());
    } catch (SignatureRefusal refusal) {
      throw refused(refusal.wireCode(), refusal.detail(), uri);
    }
  }

  /** The environment asks for it, or the project's policy does for a protected alias. */
  private boolean required(CairnClient client, CairnUri uri, Resolved resolved) {
    if (settings.required()) {
      return true;
    }
    if (resolved.alias() == null) {
      return false; // a version or digest ref: no alias, so no alias policy
    }
    if (!client.signatures().requiresSignature(uri.project())) {
      return false;
    }
    if (PRODUCTION.equals(resolved.alias())) {
      return true;
    }
    var model = client.models().get(uri.project(), resolved.model());
    return model.protectedAliases() != null && model.protectedAliases().contains(resolved.alias());
  }

  private TrustMaterial trust(CairnClient client, CairnUri uri) {
    try {
      return settings.localTrust()
          ? TrustPolicies.fromPemFiles(settings.trustedKeys(), settings.trustedRoots())
          : TrustPolicies.fromPolicy(client.signatures().trust(uri.project()));
    } catch (IOException e) {
      throw new InitFailure(
          ExitCode.USAGE, "trust files cannot be read: " + e.getMessage() + " (" + uri + ")", e);
    } catch (IllegalArgumentException e) {
      throw refused("SIGNATURE_UNTRUSTED", "trust: " + e.getMessage(), uri);
    }
  }

  private static InitFailure refused(String code, String detail, CairnUri uri) {
    return new InitFailure(ExitCode.SIGNATURE_REFUSED, code + ": " + detail + " (" + uri + ")");
  }

  private static String hex(String sha256) {
    return sha256.startsWith("sha256:") ? sha256.substring(7) : sha256;
  }
}
