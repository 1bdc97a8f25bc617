package dev.cairn.initializer;

import dev.cairn.client.CairnClient;
import dev.cairn.client.model.Resolved;
import java.util.Optional;

/**
 * The step between resolving and installing where a version's OMS signature is checked: it names
 * the signer recorded in {@code resolution.json}, or refuses with {@link
 * ExitCode#SIGNATURE_REFUSED} before a byte is fetched. {@link SignatureCheck} is the gate a
 * process runs with.
 */
@FunctionalInterface
interface SignatureGate {

  /** The signer of {@code resolved}'s version, empty when no signature was required. */
  Optional<String> admit(CairnClient client, CairnUri uri, Resolved resolved);

  /** No signature is ever asked for (tests of everything else). */
  SignatureGate NOT_OFFERED = (client, uri, resolved) -> Optional.empty();
}
