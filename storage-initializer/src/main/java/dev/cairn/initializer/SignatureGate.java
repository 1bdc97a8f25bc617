package dev.cairn.initializer;

import dev.cairn.client.model.Resolved;
import java.util.Optional;

/**
 * The step between resolving and installing where a version's OMS signature is checked: it names
 * the signer recorded in {@code resolution.json}, or refuses with {@link
 * ExitCode#SIGNATURE_REFUSED}. The registry does not serve signatures or trust policies yet (issue
 * 28's endpoints), so the one gate today admits every version with no signer; a gate that fetches
 * the bundle and verifies it with {@code model-signing} slots in here when they exist.
 */
@FunctionalInterface
interface SignatureGate {

  /** The signer of {@code resolved}'s version, empty when none was verified. */
  Optional<String> admit(Resolved resolved);

  /** Today's registry: no resolve answer carries a signature, so there is nothing to verify. */
  SignatureGate NOT_OFFERED = resolved -> Optional.empty();
}
