package dev.cairn.registry.signature;

import dev.cairn.client.model.TrustPolicy;
import java.time.Instant;
import java.util.Optional;

/** The trust policy a PUT makes, from the one stored and the one asked for. Pure. */
public final class TrustRules {

  private TrustRules() {}

  /** {@code asked} as the next version after {@code current}, stamped by {@code actor}. */
  public static TrustPolicy next(
      Optional<TrustPolicy> current, TrustPolicy asked, String actor, Instant now) {
    long version = current.map(TrustPolicy::version).orElse(0L) + 1;
    return new TrustPolicy(version, asked.keys(), asked.roots(), asked.identities(), now, actor);
  }
}
