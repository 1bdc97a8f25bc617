package dev.cairn.registry.version;

import dev.cairn.registry.domain.ApiException;
import java.util.Arrays;

/**
 * The server's states of a version (spec 10-registry-api): {@code PENDING} while files arrive,
 * {@code READY} once verified, {@code FAILED} when verification or validation refused it, {@code
 * ARCHIVED} by hand. The wire record carries the name; the rules live here.
 */
public enum VersionState {
  PENDING,
  READY,
  FAILED,
  ARCHIVED;

  /** The state a stored version carries (its wire name). */
  public static VersionState of(String name) {
    return valueOf(name);
  }

  /**
   * The state a hand-made change ({@code PATCH state}) moves to: only READY ↔ ARCHIVED; PENDING and
   * FAILED follow uploads and verification. 409 {@code INVALID_STATE_TRANSITION} otherwise.
   */
  public VersionState movedByHandTo(String requestedName) {
    VersionState requested =
        Arrays.stream(values())
            .filter(v -> v.name().equals(requestedName))
            .findFirst()
            .orElse(null);
    if (requested == this) {
      return this;
    }
    boolean allowed =
        (this == READY && requested == ARCHIVED) || (this == ARCHIVED && requested == READY);
    if (!allowed) {
      throw ApiException.conflict(
          "INVALID_STATE_TRANSITION",
          "a version moves by hand only between READY and ARCHIVED; it is " + name());
    }
    return requested;
  }
}
