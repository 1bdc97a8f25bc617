package dev.cairn.registry.signature;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cairn.signing.ModelSignatureVerifier;
import dev.cairn.signing.SignatureBundle;
import dev.cairn.signing.SignatureRefusal;
import java.util.function.Supplier;

/**
 * Whether the current trust still trusts a stored signature: its envelope verified again against
 * the current material (the files were matched when it was accepted, and a version's files never
 * change after). Remembered per bundle digest and trust policy, so a read costs a lookup.
 */
public final class SignatureJudge {

  // The whole trust (project, version and material) is the key: a project deleted and made again
  // numbers its policies from 1 again, with other keys.
  private record Key(String sha256, CurrentTrust trust) {}

  private final Cache<Key, Boolean> judged = Caffeine.newBuilder().maximumSize(10_000).build();

  public boolean trusted(StoredSignature signature, CurrentTrust trust) {
    if (trust.version() == 0) {
      return false;
    }
    return judged.get(new Key(signature.sha256(), trust), k -> verifies(signature, trust));
  }

  /**
   * The same judgement from the bundle's digest, reading the bundle ({@code stored}) only when this
   * digest was not judged under {@code trust} before: a count over many pointers (the untrusted
   * gauge) then reads digests, not megabytes of bundles (review 12 item 11).
   */
  public boolean trusted(String sha256, CurrentTrust trust, Supplier<StoredSignature> stored) {
    if (trust.version() == 0) {
      return false;
    }
    return judged.get(new Key(sha256, trust), k -> verifies(stored.get(), trust));
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
