package dev.cairn.registry.signature;

import dev.cairn.client.model.TrustPolicy;
import dev.cairn.registry.domain.ApiException;
import java.time.Instant;
import java.util.Optional;

/** The trust policy a PUT makes, from the one stored and the one asked for. Pure. */
public final class TrustRules {

  private TrustRules() {}

  /**
   * {@code asked} as the next version after {@code current}, stamped by {@code actor}; 412 when the
   * writer expected another version than the stored one ({@code If-Match}), so an edit made from an
   * older read (a key removed meanwhile) cannot put that read back (review 12 item 10).
   */
  public static TrustPolicy next(
      Optional<TrustPolicy> current,
      TrustPolicy asked,
      Optional<Long> expected,
      String actor,
      Instant now) {
    long stored = current.map(TrustPolicy::version).orElse(0L);
    if (expected.isPresent() && expected.get() != stored) {
      throw new ApiException(
              412,
              "PRECONDITION_FAILED",
              "the trust policy is at version " + stored + ", not " + expected.get())
          .with("current", current.orElse(TrustPolicy.empty()));
    }
    return new TrustPolicy(stored + 1, asked.keys(), asked.roots(), asked.identities(), now, actor);
  }
}
