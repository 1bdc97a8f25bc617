package dev.cairn.registry.signature;

import dev.cairn.client.model.Version;
import dev.cairn.client.model.VersionFile;
import dev.cairn.registry.domain.ApiException;
import dev.cairn.registry.version.VersionState;
import dev.cairn.signing.ModelSignatureVerifier;
import dev.cairn.signing.SignatureBundle;
import dev.cairn.signing.SignatureRefusal;
import dev.cairn.signing.VerifiedSignature;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides a signature PUT from its facts alone (no database): the same bytes again are the stored
 * signature (idempotent); other bytes on a signed version are 409 {@code SIGNATURE_EXISTS}; a
 * version whose files may still change is refused; otherwise the bundle must verify against the
 * current trust and match the version's files exactly (model-signing's rules, {@code ignore_paths}
 * included), or it is refused with model-signing's code and nothing is stored.
 */
public final class SignaturePolicy {

  private SignaturePolicy() {}

  /** What a PUT is decided from. */
  public record Facts(
      UUID versionId,
      Version version,
      Optional<StoredSignature> existing,
      byte[] bundle,
      CurrentTrust trust,
      Instant now) {}

  /** The outcome: the stored signature, and whether this PUT stored it. */
  public record Decision(StoredSignature signature, boolean created) {}

  public static Decision decide(Facts facts) {
    String sha256 = Digest.sha256(facts.bundle());
    if (facts.existing().isPresent()) {
      StoredSignature stored = facts.existing().get();
      if (stored.sha256().equals(sha256)) {
        return new Decision(stored, false);
      }
      throw ApiException.conflict(
          "SIGNATURE_EXISTS",
          "version '"
              + facts.version().version()
              + "' is already signed; an accepted signature is never replaced");
    }
    VersionState state = VersionState.of(facts.version());
    if (state != VersionState.READY && state != VersionState.ARCHIVED) {
      throw ApiException.conflict(
          "VERSION_NOT_READY",
          "version '"
              + facts.version().version()
              + "' is "
              + facts.version().state()
              + ": a signature covers the files of a READY version");
    }
    VerifiedSignature verified = verify(facts.version(), facts.bundle(), facts.trust());
    return new Decision(
        new StoredSignature(
            facts.versionId(),
            facts.bundle(),
            sha256,
            verified.method().wireName(),
            verified.signer(),
            facts.now()),
        true);
  }

  /**
   * {@code bundle} verified against {@code trust} and the files of {@code version}: 422 with
   * model-signing's code (naming the version) when it is refused.
   */
  public static VerifiedSignature verify(Version version, byte[] bundle, CurrentTrust trust) {
    try {
      return new ModelSignatureVerifier(trust.material())
          .verify(SignatureBundle.parse(bundle, SignatureBundle.DEFAULT_LIMIT), files(version));
    } catch (SignatureRefusal refusal) {
      throw refused(version, refusal);
    }
  }

  /** A refusal as the API answers it: 422, the library's wire code, the version named. */
  public static ApiException refused(Version version, SignatureRefusal refusal) {
    return new ApiException(
        422,
        refusal.wireCode(),
        "the signature of version '" + version.version() + "' is refused: " + refusal.detail());
  }

  /** The version's files as model-signing takes them: relative path → SHA-256 hex. */
  static Map<String, String> files(Version version) {
    Map<String, String> files = new HashMap<>();
    for (VersionFile f : version.files()) {
      files.put(f.path(), f.sha256());
    }
    return files;
  }
}
