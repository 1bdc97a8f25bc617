package dev.cairn.registry.version;

import dev.cairn.client.model.Version;
import dev.cairn.registry.domain.ApiException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The server's states of a version (spec 10-registry-api) and every move between them: {@code
 * PENDING} while files arrive, {@code READY} once verified, {@code FAILED} when verification or
 * validation refused it, {@code ARCHIVED} by hand, {@code DELETED} once soft-deleted (the row is
 * gone from every listing; only its last event says so). Each transition returns the next state or
 * refuses with the contract's error. The wire carries {@link #wire()}; nothing else names a state.
 */
public enum VersionState {
  PENDING,
  READY,
  FAILED,
  ARCHIVED,
  DELETED;

  /** The name the API, the events and the {@code versions.state} column carry. */
  public String wire() {
    return name();
  }

  /** The state a stored version carries. */
  public static VersionState of(String wire) {
    return requested(wire)
        .orElseThrow(() -> new IllegalArgumentException("no version state '" + wire + "'"));
  }

  /** The state {@code version} is in. */
  public static VersionState of(Version version) {
    return of(version.state());
  }

  /** The state a request names, if it names one. */
  public static Optional<VersionState> requested(String wire) {
    return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
  }

  /** Its files all arrived and its format's validation passed: PENDING → READY. */
  public VersionState complete() {
    return completing("a version completes only while PENDING; it is " + wire());
  }

  /** {@link #complete()}, naming {@code version} in the refusal as the API always has. */
  public VersionState complete(String version) {
    return completing("version '" + version + "' is " + wire());
  }

  private VersionState completing(String refusal) {
    if (this != PENDING) {
      throw ApiException.conflict("VERSION_NOT_PENDING", refusal);
    }
    return READY;
  }

  /**
   * Validation refused it on completion, or its bytes no longer match: FAILED, from any state a
   * version is kept in (a verify may find an archived version's bytes changed).
   */
  public VersionState fail() {
    requireKept();
    return FAILED;
  }

  /** Its bytes match again after a checksum failure: FAILED → READY. */
  public VersionState recover() {
    if (this != FAILED) {
      throw ApiException.conflict(
          "INVALID_STATE_TRANSITION", "only a FAILED version recovers; it is " + wire());
    }
    return READY;
  }

  /** Archived by hand: READY → ARCHIVED (and ARCHIVED stays). */
  public VersionState archive() {
    return byHand(ARCHIVED);
  }

  /** Brought back by hand: ARCHIVED → READY (and READY stays). */
  public VersionState restore() {
    return byHand(READY);
  }

  /** Soft-deleted: from any state a version is kept in. */
  public VersionState delete() {
    requireKept();
    return DELETED;
  }

  /**
   * The state a hand-made change ({@code PATCH state}) moves to: its own state (nothing changes),
   * or between READY and ARCHIVED; PENDING and FAILED follow uploads and verification. 409 {@code
   * INVALID_STATE_TRANSITION} otherwise.
   */
  public VersionState movedByHandTo(String requestedName) {
    VersionState target = requested(requestedName).orElseThrow(this::byHandRefused);
    if (target == this) {
      return this;
    }
    return switch (target) {
      case ARCHIVED -> archive();
      case READY -> restore();
      default -> throw byHandRefused();
    };
  }

  private VersionState byHand(VersionState target) {
    if (this != READY && this != ARCHIVED) {
      throw byHandRefused();
    }
    return target;
  }

  private ApiException byHandRefused() {
    return ApiException.conflict(
        "INVALID_STATE_TRANSITION",
        "a version moves by hand only between READY and ARCHIVED; it is " + wire());
  }

  private void requireKept() {
    if (this == DELETED) {
      throw ApiException.notFound("VERSION_NOT_FOUND", "the version was deleted");
    }
  }
}
