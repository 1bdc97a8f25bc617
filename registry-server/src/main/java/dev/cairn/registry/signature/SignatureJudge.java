package dev.cairn.registry.signature;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cairn.signing.ModelSignatureVerifier;
import dev.cairn.signing.SignatureBundle;
import dev.cairn.signing.SignatureRefusal;

/**
 * Whether the current trust still trusts a stored signature: its envelope verified again against
 * the current material (the files were matched when it was accepted, and a version's files never
 * change after). Remembered per bundle digest and policy version, so a read costs a lookup.
 */
public final class SignatureJudge {

  private record Key(String sha256, String project, long policyVersion) {}

  private final Cache<Key, Boolean> judged = Caffeine.newBuilder().maximumSize(10_000).build();

  public boolean trusted(StoredSignature signature, CurrentTrust trust) {
    if (trust.version() == 0) {
      return false;
    }
    return judged.get(
        new Key(signature.sha256(), trust.project(), trust.version()),
        k -> verifies(signature, trust));
  }

  /** The reason a stored signature is not trusted now, or null when it is. */
  public static SignatureRefusal refusal(StoredSignature signature, CurrentTrust trust) {
    try {
      new ModelSignatureVerifier(trust.material())
          .verifyEnvelope(SignatureBundle.parse(signature.bundle(), SignatureBundle.DEFAULT_LIMIT));
      return null;
    } catch (SignatureRefusal refusal) {
      return refusal;
    }
  }

  private static boolean verifies(StoredSignature signature, CurrentTrust trust) {
    return refusal(signature, trust) == null;
  }
}
