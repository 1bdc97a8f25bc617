package dev.cairn.operator.registry;

import dev.cairn.client.CairnApiException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * How a failed registry call should be treated. {@link #isTransient transient} failures (registry
 * unreachable, 5xx, 429) are retried with backoff and leave the phase as it is; every other answer
 * is the registry's decision (a policy or validation error) and is reported with its code.
 */
public record RegistryFailure(boolean isTransient, String code, String message) {

  /** The failure {@code error} stands for, or empty when it is not a registry failure. */
  public static Optional<RegistryFailure> of(RuntimeException error) {
    if (error instanceof UncheckedIOException io) {
      return Optional.of(new RegistryFailure(true, "RegistryUnavailable", io.getMessage()));
    }
    if (error instanceof CairnApiException api) {
      boolean retry = api.status() >= 500 || api.status() == 429;
      String code = api.status() == 429 ? "RateLimited" : api.code();
      if (api.status() >= 500) {
        code = "RegistryUnavailable";
      }
      return Optional.of(new RegistryFailure(retry, code, api.getMessage()));
    }
    return Optional.empty();
  }

  /**
   * {@code error} as a registry failure; anything else is rethrown (a bug, not a registry answer).
   */
  public static RegistryFailure from(RuntimeException error) {
    return of(error).orElseThrow(() -> error);
  }
}
