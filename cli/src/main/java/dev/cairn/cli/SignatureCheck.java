package dev.cairn.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Version;
import dev.cairn.signing.ModelSignatureVerifier;
import dev.cairn.signing.SignatureBundle;
import dev.cairn.signing.SignatureRefusal;
import dev.cairn.signing.TrustMaterial;
import dev.cairn.signing.TrustPolicies;
import dev.cairn.signing.VerifiedSignature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code version verify M V --signature [FILE] [--key pub.pem] [--dir DIR]}: checks a version's OMS
 * signature here, not in the registry — the bundle (a file, else the registry's), the trust (the
 * given public keys, else the project's trust policy) and the files' SHA-256 (hashed from {@code
 * --dir}, else from the downloaded bytes). A refusal exits 3 with its {@code SIGNATURE_*} code
 * first on its one line.
 */
final class SignatureCheck {

  /** What {@code -o json} prints for a signature that verified. */
  record Verified(
      String model,
      String version,
      String method,
      String signer,
      @JsonProperty("trusted_as") String trustedAs,
      @JsonProperty("trust") String trust,
      int files) {}

  static final List<Output.Column> COLUMNS =
      List.of(
          Output.Column.of("METHOD", "method"),
          Output.Column.of("SIGNER", "signer"),
          Output.Column.of("TRUSTED_AS", "trusted_as"),
          Output.Column.of("FILES", "files"),
          Output.Column.wide("TRUST", "trust"));

  private SignatureCheck() {}

  static Verified run(
      CairnClient client,
      String project,
      String model,
      String version,
      String signatureFile,
      List<Path> keys,
      Path dir) {
    byte[] bytes = bundleBytes(client, project, model, version, signatureFile);
    TrustMaterial trust;
    String trustSource;
    if (!keys.isEmpty()) {
      try {
        trust = TrustPolicies.fromPemFiles(keys, List.of());
      } catch (IOException | IllegalArgumentException e) {
        throw new ExitCodes.Failure(ExitCodes.USAGE, "--key: " + e.getMessage());
      }
      trustSource = "--key";
    } else {
      var policy = client.signatures().trust(project);
      trust = TrustPolicies.fromPolicy(policy);
      trustSource = "project trust policy v" + policy.path("version").asLong();
    }
    Version v = dir == null ? client.versions().get(project, model, version) : null;
    Map<String, String> files =
        dir != null
            ? VersionDigests.local(dir)
            : VersionDigests.downloaded(client, project, model, v);
    try {
      SignatureBundle bundle = SignatureBundle.parse(bytes, SignatureBundle.DEFAULT_LIMIT);
      VerifiedSignature ok = ModelSignatureVerifier.verify(bundle, trust, files);
      return new Verified(
          model,
          version,
          ok.method().wireName(),
          ok.signer(),
          ok.trustedAs().orElse(null),
          trustSource,
          ok.resources().size());
    } catch (SignatureRefusal refusal) {
      throw new ExitCodes.Failure(
          ExitCodes.INTEGRITY, refusal.wireCode() + ": " + refusal.detail());
    }
  }

  private static byte[] bundleBytes(
      CairnClient client, String project, String model, String version, String signatureFile) {
    if (signatureFile != null && !signatureFile.isEmpty()) {
      try {
        return Files.readAllBytes(Path.of(signatureFile));
      } catch (IOException e) {
        throw new ExitCodes.Failure(
            ExitCodes.USAGE, "--signature " + signatureFile + " unreadable");
      }
    }
    return client
        .signatures()
        .signature(project, model, version)
        .orElseThrow(
            () ->
                new ExitCodes.Failure(
                    ExitCodes.INTEGRITY,
                    "SIGNATURE_NOT_FOUND: " + model + ":" + version + " is not signed"));
  }
}
